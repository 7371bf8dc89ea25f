package org.optline.optinform.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The translatable texts of the opt-in form, from the {@code FormTexts} properties files beside this
 * class. English is the base file, so a customer in a language without a file reads English, and a
 * key missing from a language falls back to English.
 *
 * <p>The files are read directly rather than through {@link java.util.ResourceBundle}, whose
 * no-fallback control is unsupported in named modules, where the unit tests run.
 */
public final class FormTexts {

    /** The languages that have a file; a new properties file must be added here too. */
    public static final List<Locale> BUNDLED = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.GERMAN,
            Locale.forLanguageTag("es"));

    /** The key of the button text that customers read when the agent left the button text empty. */
    public static final String DEFAULT_BUTTON = "form.button.default";

    private static final Properties BASE = read("FormTexts.properties");

    private final Properties translated;
    private final Locale locale;

    private FormTexts(Properties translated, Locale locale) {
        this.translated = translated;
        this.locale = locale;
    }

    public static FormTexts forLocale(Locale locale) {
        String language = locale == null ? "" : locale.getLanguage();
        boolean bundled = BUNDLED.stream().anyMatch(candidate -> candidate.getLanguage().equals(language));
        if (!bundled || language.equals("en")) {
            return new FormTexts(BASE, Locale.ENGLISH);
        }
        return new FormTexts(read("FormTexts_" + language + ".properties"), Locale.of(language));
    }

    /** Returns the texts for a contact's stored locale, such as {@code fr} or {@code pt-BR}, or English for null. */
    public static FormTexts forContactLocale(String contactLocale) {
        return forLocale(contactLocale == null || contactLocale.isBlank() ? Locale.ENGLISH
                : Locale.forLanguageTag(contactLocale.strip().replace('_', '-')));
    }

    /** Returns the text under {@code key}, with {@code arguments} filled in as {@link MessageFormat} does. */
    public String get(String key, Object... arguments) {
        String pattern = translated.getProperty(key, BASE.getProperty(key));
        if (pattern == null) {
            throw new IllegalStateException("Form text '" + key + "' is missing from FormTexts.properties");
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    /** Returns the language of the texts, such as {@code fr}, for the form's {@code lang} attribute and the evidence. */
    public String language() {
        return locale.getLanguage();
    }

    /** Returns the name of a country in this language, such as "France" for {@code FR}. */
    public String countryName(String region) {
        return Locale.of("", region).getDisplayCountry(locale);
    }

    private static Properties read(String file) {
        Properties texts = new Properties();
        try (InputStream in = FormTexts.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("Form texts " + file + " are missing from the optinform jar");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException("Reading form texts " + file + " failed", e);
        }
    }
}
