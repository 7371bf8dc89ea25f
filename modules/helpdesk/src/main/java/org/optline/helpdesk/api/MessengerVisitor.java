package org.optline.helpdesk.api;

import java.time.Instant;

/**
 * The contact behind a messenger token: who is using the widget, on which allowed website.
 *
 * @param contactId the lead or user the visitor is
 * @param origin    the allow-listed origin of the site the widget runs on, such as https://shop.example
 * @param expiresAt when the token stops being accepted
 */
public record MessengerVisitor(long contactId, String origin, Instant expiresAt) {
}
