package org.optline.subscriptions.api;

import java.time.Instant;

/**
 * The outcome of a bulk consent job for one contact.
 *
 * @param position       the contact's place in the job, from 1, in contact id order
 * @param refusalReason  the rule that refused the change, or null unless the outcome is REFUSED
 * @param refusalMessage the rule's explanation, or null unless the outcome is REFUSED
 * @param processedAt    when the contact's chunk committed, or null while PENDING
 */
public record BulkJobItemView(long jobId, long contactId, int position, BulkItemOutcome outcome,
                              ConsentOutcome.RefusalReason refusalReason, String refusalMessage, Instant processedAt) {
}
