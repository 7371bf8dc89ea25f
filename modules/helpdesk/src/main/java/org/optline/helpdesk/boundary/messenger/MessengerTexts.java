package org.optline.helpdesk.boundary.messenger;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The translatable texts of the messenger frame, from the {@code MessengerTexts} resource bundles
 * (en as the base bundle, fr, de, es).
 */
public final class MessengerTexts {

    private static final String BUNDLE = "org.optline.helpdesk.boundary.messenger.MessengerTexts";

    private final ResourceBundle bundle;
    private final Locale locale;

    private MessengerTexts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    public static MessengerTexts forLocale(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, MessengerTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessengerTexts(bundle, locale);
    }

    /** Returns the text under {@code key}, with {@code arguments} filled in as {@link MessageFormat} does. */
    public String get(String key, Object... arguments) {
        try {
            String pattern = bundle.getString(key);
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("Messenger text '" + key + "' is missing from " + BUNDLE, e);
        }
    }

    /** Returns the language of the bundle used, for the frame's {@code lang} attribute. */
    public String language() {
        String language = bundle.getLocale().getLanguage();
        return language.isEmpty() ? "en" : language;
    }
}
