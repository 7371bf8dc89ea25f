package org.optline.subscriptions.api;

import java.util.List;

/**
 * A request to create a subscription type.
 *
 * @param translations all texts; the one in {@code defaultLocale} is the default
 * @param doubleOptIn  whether an opt-in by form or API waits for the customer's YES by text (SMS opt-in
 *                     types only)
 */
public record NewSubscriptionType(MessageType messageType, ConsentType consentType, LocaleCode defaultLocale,
                                  List<Translation> translations, boolean doubleOptIn) {

    /** Returns a request for a type without double opt-in. */
    public NewSubscriptionType(MessageType messageType, ConsentType consentType, LocaleCode defaultLocale,
                               List<Translation> translations) {
        this(messageType, consentType, defaultLocale, translations, false);
    }
}
