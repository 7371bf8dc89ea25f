package org.optline.subscriptions.api;

import java.util.List;

/**
 * A request to create a subscription type.
 *
 * @param translations all texts; the one in {@code defaultLocale} is the default
 */
public record NewSubscriptionType(MessageType messageType, ConsentType consentType, LocaleCode defaultLocale,
                                  List<Translation> translations) {
}
