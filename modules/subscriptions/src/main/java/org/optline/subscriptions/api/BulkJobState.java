package org.optline.subscriptions.api;

/** The stage of a bulk consent job: waiting for an instance, being worked on, finished, or given up. */
public enum BulkJobState {
    /** Created; no instance has claimed it yet. */
    QUEUED,
    /** Claimed by an instance, which processes it chunk by chunk. */
    RUNNING,
    /** Every contact of the job has its outcome. */
    DONE,
    /** Chunks failed repeatedly; {@link BulkJobView#failure()} says why. Finished chunks stay recorded. */
    FAILED;

    /** Returns whether the job will change no more, so pages stop refreshing it. */
    public boolean finished() {
        return this == DONE || this == FAILED;
    }
}
