package org.optline.subscriptions.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A subscription type as other modules, pages and the API see it.
 *
 * @param translations the texts per locale, the default locale first and the rest sorted by locale
 * @param version      the optimistic-lock version a change must be based on
 * @param doubleOptIn  whether an opt-in by form or API waits for the customer's YES by text
 */
public record SubscriptionTypeView(long id, MessageType messageType, ConsentType consentType, State state,
                                   LocaleCode defaultLocale, List<Translation> translations, long version,
                                   Instant createdAt, Instant updatedAt, boolean doubleOptIn) {

    public SubscriptionTypeView {
        translations = List.copyOf(translations);
    }

    /** Returns a view of a type without double opt-in. */
    public SubscriptionTypeView(long id, MessageType messageType, ConsentType consentType, State state,
                                LocaleCode defaultLocale, List<Translation> translations, long version,
                                Instant createdAt, Instant updatedAt) {
        this(id, messageType, consentType, state, defaultLocale, translations, version, createdAt, updatedAt, false);
    }

    public Translation defaultTranslation() {
        return translations.getFirst();
    }

    /**
     * Returns the text a customer in {@code wanted} reads: the exact locale, else the bare language
     * ({@code pt} for {@code pt-PT}), else another region of the language, else the default.
     */
    public Translation translationFor(Locale wanted) {
        String tag = wanted.toLanguageTag();
        Optional<Translation> exact = translations.stream()
                .filter(t -> t.locale().value().equalsIgnoreCase(tag))
                .findFirst();
        if (exact.isPresent()) {
            return exact.get();
        }
        Optional<Translation> bareLanguage = translations.stream()
                .filter(t -> t.locale().value().equals(wanted.getLanguage()))
                .findFirst();
        if (bareLanguage.isPresent()) {
            return bareLanguage.get();
        }
        return translations.stream()
                .filter(t -> t.locale().language().equals(wanted.getLanguage()))
                .findFirst()
                .orElse(defaultTranslation());
    }
}
