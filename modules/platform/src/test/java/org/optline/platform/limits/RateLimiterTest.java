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

    @Test
    void ipv4AddressCountsAlone() {
        assertThat(RateLimiter.clientNetwork("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(RateLimiter.clientNetwork("192.0.2.2")).isNotEqualTo(RateLimiter.clientNetwork("192.0.2.1"));
    }

    @Test
    void ipv6AddressCountsByItsNetwork() {
        String network = "2001:db8:0:1::/64";

        assertThat(RateLimiter.clientNetwork("2001:db8:0:1:aaaa:bbbb:cccc:dddd")).isEqualTo(network);
        assertThat(RateLimiter.clientNetwork("2001:db8:0:1::1")).isEqualTo(network);
        assertThat(RateLimiter.clientNetwork("2001:0DB8:0000:0001:0:0:0:2%eth0")).isEqualTo(network);
        assertThat(RateLimiter.clientNetwork("[2001:db8:0:1::3]")).isEqualTo(network);
        assertThat(RateLimiter.clientNetwork("2001:db8:0:2::1")).isEqualTo("2001:db8:0:2::/64");
        assertThat(RateLimiter.clientNetwork("::1")).isEqualTo("0:0:0:0::/64");
    }

    @Test
    void otherValuesStayUnchanged() {
        for (String value : new String[]{"unknown", "2001:db8::1::2", "1:2:3:4:5:6:7:8:9", "::ffff:192.0.2.1", "g::1"}) {
            assertThat(RateLimiter.clientNetwork(value)).as(value).isEqualTo(value);
        }
    }
}
