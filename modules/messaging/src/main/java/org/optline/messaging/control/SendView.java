package org.optline.messaging.control;

import java.time.Instant;

/** A send as pages see it. */
public record SendView(long id, long subscriptionTypeId, Long segmentId, String body, String createdBy, Instant createdAt,
                       Instant scheduledAt, String state, int recipientCount, Instant startedAt, Instant finishedAt) {

    /** Returns whether the send still has work to do, so that its page keeps polling. */
    public boolean live() {
        return !state.equals("DONE") && !state.equals("CANCELLED");
    }
}
