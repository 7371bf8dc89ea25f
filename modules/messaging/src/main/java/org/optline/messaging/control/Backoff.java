package org.optline.messaging.control;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The schedule of retries for a recipient whose gateway call failed with a retryable error. The next
 * try comes 30 s after the first failure, 2 min after the second and 10 min after the third. The
 * fourth failure is final.
 */
public final class Backoff {

    static final List<Duration> DELAYS = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10));

    private Backoff() {
    }

    /**
     * Returns the wait before the next attempt after {@code failedAttempts} failures, or empty when the
     * recipient has failed for good.
     */
    public static Optional<Duration> after(int failedAttempts) {
        if (failedAttempts < 1 || failedAttempts > DELAYS.size()) {
            return Optional.empty();
        }
        return Optional.of(DELAYS.get(failedAttempts - 1));
    }
}
