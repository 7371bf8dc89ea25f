package org.optline.messaging.control;

import java.util.Map;

/**
 * How far a send is: recipients per state, and the skipped, held and failed ones per reason.
 *
 * @param byState  recipients by state: PENDING, SENDING, SENT, FAILED, SKIPPED, HELD
 * @param byReason recipients of one state by reason, keyed {@code STATE/REASON}
 */
public record SendProgress(Map<String, Long> byState, Map<String, Long> byReason) {

    public long count(String state) {
        return byState.getOrDefault(state, 0L);
    }

    public long total() {
        return byState.values().stream().mapToLong(Long::longValue).sum();
    }
}
