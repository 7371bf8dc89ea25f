package org.optline.helpdesk.control.messenger;

import java.util.List;
import java.util.Locale;

/** Picks the language of the messenger's texts among those that have a bundle. */
public final class MessengerLocales {

    /** The languages with a {@code MessengerTexts} bundle; English is the base bundle. */
    public static final List<String> BUNDLED = List.of("en", "fr", "de", "es");

    private MessengerLocales() {
    }

    /**
     * Returns the first of {@code candidates} (language tags such as {@code fr-CA}, nulls skipped) whose
     * language has a bundle, or English.
     */
    public static Locale choose(String... candidates) {
        for (String candidate : candidates) {
            if (candidate == null || candidate.isBlank()) {
                continue;
            }
            String language = Locale.forLanguageTag(candidate.strip().replace('_', '-')).getLanguage();
            if (BUNDLED.contains(language)) {
                return Locale.of(language);
            }
        }
        return Locale.ENGLISH;
    }
}
