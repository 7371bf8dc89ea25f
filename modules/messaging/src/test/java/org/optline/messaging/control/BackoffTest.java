package org.optline.messaging.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackoffTest {

    @Test
    void delaysGrowThenGiveUp() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), Backoff.after(1));
        assertEquals(Optional.of(Duration.ofMinutes(2)), Backoff.after(2));
        assertEquals(Optional.of(Duration.ofMinutes(10)), Backoff.after(3));
        assertEquals(Optional.empty(), Backoff.after(4));
    }
}
