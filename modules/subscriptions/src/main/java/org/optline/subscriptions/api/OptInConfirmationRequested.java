package org.optline.subscriptions.api;

import java.time.Instant;

/**
 * A CDI event, fired inside the transaction that stored a pending double opt-in, asking for the one
 * confirmation text that tells the customer to reply YES. An observer that queues the text with its
 * own writes in that transaction makes the request and its text commit or roll back together.
 *
 * @param pendingId the consent_pending row
 * @param phone     the number to text, in E.164 form
 * @param expiresAt when the request lapses without a YES
 */
public record OptInConfirmationRequested(long pendingId, long contactId, long subscriptionTypeId, String phone,
                                         Instant expiresAt) {
}
