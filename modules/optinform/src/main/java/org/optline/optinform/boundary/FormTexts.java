package org.optline.optinform.boundary;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The translatable texts of the opt-in form, from the {@code FormTexts} resource bundles. English is
 * the base bundle, so a customer in a language without a bundle reads English.
 */
public final class FormTexts {

    /** The languages that have a bundle; a new properties file must be added here too. */
    public static final List<Locale> BUNDLED = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.GERMAN,
            Locale.forLanguageTag("es"));

    private static final String BUNDLE = "org.optline.optinform.boundary.FormTexts";

    private final ResourceBundle bundle;
    private final Locale locale;

    private FormTexts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    public static FormTexts forLocale(Locale locale) {
        Locale wanted = locale == null ? Locale.ENGLISH : locale;
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, wanted, FormTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new FormTexts(bundle, wanted);
    }

    /** Returns the texts for a contact's stored locale, such as {@code fr} or {@code pt-BR}, or English for null. */
    public static FormTexts forContactLocale(String contactLocale) {
        return forLocale(contactLocale == null || contactLocale.isBlank() ? Locale.ENGLISH
                : Locale.forLanguageTag(contactLocale.strip().replace('_', '-')));
    }

    /** Returns the text under {@code key}, with {@code arguments} filled in as {@link MessageFormat} does. */
    public String get(String key, Object... arguments) {
        try {
            String pattern = bundle.getString(key);
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("Form text '" + key + "' is missing from " + BUNDLE, e);
        }
    }

    /** Returns the language of the bundle actually used, for the form's {@code lang} attribute and the evidence. */
    public String language() {
        String language = bundle.getLocale().getLanguage();
        return language.isEmpty() ? "en" : language;
    }

    /** Returns the name of a country in this language, such as "France" for {@code FR}. */
    public String countryName(String region) {
        return Locale.of("", region).getDisplayCountry(bundle.getLocale().getLanguage().isEmpty()
                ? Locale.ENGLISH : bundle.getLocale());
    }
}
