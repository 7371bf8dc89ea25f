package org.optline.subscriptions.boundary;

import java.util.IllformedLocaleException;
import java.util.Locale;

/** Chooses the language of a customer-facing page. */
final class CustomerLocales {

    private CustomerLocales() {
    }

    /**
     * Returns the contact's language override when set, else the best of the browser's
     * {@code Accept-Language} among the bundled languages, else English. An override keeps its region
     * (such as {@code fr-CA}) so that a subscription type translated for that region shows its text.
     *
     * @param languageOverride the contact's language, or null for a wrong link or a contact without one
     * @param acceptLanguage   the request's {@code Accept-Language} header, or null
     */
    static Locale resolve(String languageOverride, String acceptLanguage) {
        if (languageOverride != null && !languageOverride.isBlank()) {
            try {
                return new Locale.Builder().setLanguageTag(languageOverride.strip().replace('_', '-')).build();
            } catch (IllformedLocaleException e) {
                // An override that is not a language tag falls through to the browser's languages.
            }
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), CustomerTexts.BUNDLED);
                if (match != null) {
                    return match;
                }
            } catch (IllegalArgumentException e) {
                // A malformed header counts as no header.
            }
        }
        return Locale.ENGLISH;
    }

}
