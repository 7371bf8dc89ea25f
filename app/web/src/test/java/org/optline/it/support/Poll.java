package org.optline.it.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for a condition by calling a probe repeatedly until the condition is true or a timeout passes. */
public final class Poll {

    private static final Duration PAUSE = Duration.ofMillis(100);

    private Poll() {
    }

    /**
     * Returns the first value of {@code probe} that {@code done} accepts, asking every 100 ms.
     *
     * @throws AssertionError naming {@code description} and the last value when {@code timeout} passes first
     */
    public static <T> T until(String description, Duration timeout, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + description
                        + "; last value: " + last);
            }
            LockSupport.parkNanos(PAUSE.toNanos());
            last = probe.get();
        }
        return last;
    }
}
