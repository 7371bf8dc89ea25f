package org.optline.subscriptions.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The translatable texts of customer-facing pages, from the {@code CustomerTexts} resource bundles.
 * English is the base bundle, so a customer in a language without a bundle reads English.
 */
public final class CustomerTexts {

    /** The languages that have a bundle; a new properties file must be added here too. */
    public static final List<Locale> BUNDLED = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.GERMAN,
            Locale.forLanguageTag("es"));

    private static final String BUNDLE = "org.optline.subscriptions.boundary.CustomerTexts";
    private static final Map<String, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();

    private final ResourceBundle bundle;
    private final Locale locale;

    private CustomerTexts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /**
     * Returns the texts in the bundled language of {@code locale}, or in English when its language has no
     * bundle. The bundles are read as UTF-8 files next to this class rather than through
     * {@code ResourceBundle.Control}, which named modules do not support, so unit tests can read them too.
     */
    public static CustomerTexts forLocale(Locale locale) {
        String language = BUNDLED.stream()
                .map(Locale::getLanguage)
                .filter(bundled -> bundled.equals(locale.getLanguage()))
                .findFirst()
                .orElse("en");
        return new CustomerTexts(BUNDLES.computeIfAbsent(language, CustomerTexts::load), Locale.forLanguageTag(language));
    }

    private static ResourceBundle load(String language) {
        ResourceBundle english = read("CustomerTexts.properties", null);
        return language.equals("en") ? english : read("CustomerTexts_" + language + ".properties", english);
    }

    private static ResourceBundle read(String file, ResourceBundle parent) {
        try (InputStream in = CustomerTexts.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("Customer texts " + file + " are missing next to " + BUNDLE);
            }
            return new Bundle(new InputStreamReader(in, StandardCharsets.UTF_8), parent);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading customer texts " + file + " failed", e);
        }
    }

    /** A properties bundle whose missing keys come from its parent, the English bundle. */
    private static final class Bundle extends PropertyResourceBundle {

        Bundle(Reader reader, ResourceBundle parent) throws IOException {
            super(reader);
            if (parent != null) {
                setParent(parent);
            }
        }
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
        return locale.getLanguage();
    }
}
