package org.optline.app.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTest {

    private static final TrustedProxies PROXIES = TrustedProxies.parse("10.0.0.0/8, 127.0.0.1, fd00::/8");

    @Test
    void untrustedPeerIsTheClient() {
        assertThat(PROXIES.clientAddress("198.51.100.9", List.of("203.0.113.7"))).isEqualTo("198.51.100.9");
    }

    @Test
    void noSettingIgnoresHeader() {
        assertThat(TrustedProxies.parse("").clientAddress("127.0.0.1", List.of("203.0.113.7"))).isEqualTo("127.0.0.1");
        assertThat(TrustedProxies.parse(null).isEmpty()).isTrue();
    }

    @Test
    void rightmostUntrustedHopIsTheClient() {
        assertThat(PROXIES.clientAddress("127.0.0.1", List.of("1.2.3.4, 203.0.113.7, 10.1.2.3")))
                .as("the forged 1.2.3.4 left of the real client is ignored").isEqualTo("203.0.113.7");
    }

    @Test
    void severalHeadersCountAsOneList() {
        assertThat(PROXIES.clientAddress("10.9.9.9", List.of("203.0.113.7", "10.1.2.3"))).isEqualTo("203.0.113.7");
    }

    @Test
    void allTrustedHopsGiveTheLeftmost() {
        assertThat(PROXIES.clientAddress("127.0.0.1", List.of("10.0.0.5, 10.0.0.6"))).isEqualTo("10.0.0.5");
    }

    @Test
    void missingHeaderKeepsThePeer() {
        assertThat(PROXIES.clientAddress("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "example.com", "a.b.c.d", "999.1.1.1", "1.2.3", "_hidden"})
    void nonLiteralHopEndsTheSearch(String hop) {
        assertThat(PROXIES.clientAddress("127.0.0.1", List.of("203.0.113.7, " + hop))).isEqualTo("127.0.0.1");
        assertThat(PROXIES.clientAddress("127.0.0.1", List.of(hop + ", 10.0.0.5"))).isEqualTo("10.0.0.5");
    }

    @Test
    void ipv6NetworkIsTrusted() {
        assertThat(PROXIES.clientAddress("fd12:3456::1", List.of("2001:db8::7"))).isEqualTo("2001:db8::7");
        assertThat(PROXIES.clientAddress("2001:db8::1", List.of("2001:db8::7"))).isEqualTo("2001:db8::1");
    }

    @Test
    void prefixBitsInsideAByteAreCompared() {
        TrustedProxies proxies = TrustedProxies.parse("192.168.0.0/20");

        assertThat(proxies.clientAddress("192.168.15.255", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(proxies.clientAddress("192.168.16.1", List.of("203.0.113.7"))).isEqualTo("192.168.16.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.internal", "10.0.0.0/33", "10.0.0.0/x", "fd00::/129", "10.0.0.256"})
    void invalidSettingNamesTheEntry(String entry) {
        assertThatThrownBy(() -> TrustedProxies.parse("127.0.0.1, " + entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + entry + "'")
                .hasMessageContaining("optline.trusted-proxies");
    }
}
