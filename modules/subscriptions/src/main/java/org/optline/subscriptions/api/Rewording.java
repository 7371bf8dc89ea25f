package org.optline.subscriptions.api;

import java.util.List;

/**
 * A request to replace the customer-facing texts of a subscription type.
 *
 * @param expectedVersion the version the editor saw, or null to skip the check (API callers that send
 *                        no {@code If-Match})
 * @param messageType     the message type the caller sent, or null; a different one is rejected
 * @param consentType     the consent type the caller sent, or null; a different one is rejected
 * @param doubleOptIn     whether opt-ins wait for the customer's YES by text, or null to leave it as it is
 */
public record Rewording(Long expectedVersion, LocaleCode defaultLocale, List<Translation> translations,
                        MessageType messageType, ConsentType consentType, Boolean doubleOptIn) {

    /** Returns a request that leaves double opt-in as it is. */
    public Rewording(Long expectedVersion, LocaleCode defaultLocale, List<Translation> translations,
                     MessageType messageType, ConsentType consentType) {
        this(expectedVersion, defaultLocale, translations, messageType, consentType, null);
    }
}
