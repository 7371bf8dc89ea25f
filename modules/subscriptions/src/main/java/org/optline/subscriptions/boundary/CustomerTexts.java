package org.optline.subscriptions.boundary;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The translatable texts of customer-facing pages, from the {@code CustomerTexts} resource bundles.
 * English is the base bundle, so a customer in a language without a bundle reads English.
 */
public final class CustomerTexts {

    /** The languages that have a bundle; a new properties file must be added here too. */
    public static final List<Locale> BUNDLED = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.GERMAN,
            Locale.forLanguageTag("es"));

    private static final String BUNDLE = "org.optline.subscriptions.boundary.CustomerTexts";

    private final ResourceBundle bundle;
    private final Locale locale;

    private CustomerTexts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    public static CustomerTexts forLocale(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, CustomerTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new CustomerTexts(bundle, locale);
    }

    /** Returns the text under {@code key}, with {@code arguments} filled in as {@link MessageFormat} does. */
    public String get(String key, Object... arguments) {
        try {
            String pattern = bundle.getString(key);
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("Customer text '" + key + "' is missing from " + BUNDLE, e);
        }
    }

    /** Returns the language of the bundle actually used, for the page's {@code lang} attribute. */
    public String language() {
        String language = bundle.getLocale().getLanguage();
        return language.isEmpty() ? "en" : language;
    }
}
