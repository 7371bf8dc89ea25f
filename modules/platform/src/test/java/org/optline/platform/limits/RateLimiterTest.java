package org.optline.platform.limits;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    /** The length of the bucket column in rate_limit_window, which is ASCII. */
    private static final int BUCKET_COLUMN_LENGTH = 160;

    @Test
    void bucketKeyIsShortAscii() {
        for (String value : new String[]{"alice", "Ålice-Ünïcode-用户", "x".repeat(10_000), ""}) {
            String key = RateLimiter.bucketKey("identity", value);

            assertThat(key).as("key of %s", value).startsWith("identity:").hasSize("identity:".length() + 64);
            assertThat(StandardCharsets.US_ASCII.newEncoder().canEncode(key)).as("key of %s", value).isTrue();
            assertThat(key.length()).isLessThanOrEqualTo(BUCKET_COLUMN_LENGTH);
        }
    }

    @Test
    void longValuesWithSamePrefixGetOwnKeys() {
        String prefix = "p".repeat(200);

        assertThat(RateLimiter.bucketKey("identity", prefix + "a")).isNotEqualTo(RateLimiter.bucketKey("identity", prefix + "b"));
    }

    @Test
    void kindsOfSameValueGetOwnKeys() {
        assertThat(RateLimiter.bucketKey("ip", "127.0.0.1")).isNotEqualTo(RateLimiter.bucketKey("failure", "127.0.0.1"));
    }
}
