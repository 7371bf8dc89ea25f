package org.optline.subscriptions.api;

import java.time.Instant;

/**
 * A bulk consent job and its progress.
 *
 * @param selection    {@code LISTED} or {@code MATCHING}
 * @param queryJson    the search the contacts were chosen by, as JSON text, or null for listed contacts
 * @param totalCount   how many contacts the job has, fixed at creation
 * @param alreadyCount contacts whose consent already was what the job asked for
 * @param startedAt    when an instance first claimed the job, or null
 * @param finishedAt   when the job became DONE or FAILED, or null
 * @param failure      the last error of a failed chunk, or null
 */
public record BulkJobView(long id, long subscriptionTypeId, ConsentAction action, String selection, String queryJson,
                          String overrideReason, String createdBy, ActorKind actorKind, Instant createdAt,
                          BulkJobState state, int totalCount, int changedCount, int alreadyCount, int refusedCount,
                          Instant startedAt, Instant finishedAt, String failure, long version) {

    /** Returns how many contacts have their outcome. */
    public int processedCount() {
        return changedCount + alreadyCount + refusedCount;
    }

    /** Returns the share of processed contacts in whole percent, rounded down. */
    public int percentDone() {
        return totalCount == 0 ? 100 : (int) (100L * processedCount() / totalCount);
    }
}
