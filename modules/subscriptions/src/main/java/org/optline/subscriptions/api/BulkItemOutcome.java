package org.optline.subscriptions.api;

/** The result of a bulk consent job for one of its contacts. */
public enum BulkItemOutcome {
    /** Not processed yet. */
    PENDING,
    /** The contact's consent changed and an event was recorded. */
    CHANGED,
    /** The contact's consent already was what the job asked for; nothing was recorded. */
    ALREADY,
    /** A consent rule refused the change for this contact; the item carries the reason. */
    REFUSED
}
