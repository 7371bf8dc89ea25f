package org.optline.subscriptions.boundary;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PreferenceCenterLimitTest {

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void limitUnderOneUsesDefault(int configured) {
        PreferenceCenterPage page = new PreferenceCenterPage();
        page.requestsPerIp = configured;

        page.checkLimit();

        assertThat(page.requestsPerIp).isEqualTo(60);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 60, 5_000})
    void validLimitIsKept(int configured) {
        PreferenceCenterPage page = new PreferenceCenterPage();
        page.requestsPerIp = configured;

        page.checkLimit();

        assertThat(page.requestsPerIp).isEqualTo(configured);
    }
}
