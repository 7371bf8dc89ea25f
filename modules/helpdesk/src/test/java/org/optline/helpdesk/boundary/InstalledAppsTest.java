package org.optline.helpdesk.boundary;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InstalledAppsTest {

    @Test
    void composerPathMustBeLocal() {
        assertThat(InstalledApps.isLocalPath("/inbox/apps/optin_form?conversation=7")).isTrue();
        assertThat(InstalledApps.isLocalPath("//evil.example/x")).isFalse();
        assertThat(InstalledApps.isLocalPath("https://evil.example/x")).isFalse();
        assertThat(InstalledApps.isLocalPath("/\\evil.example")).isFalse();
        assertThat(InstalledApps.isLocalPath(null)).isFalse();
    }
}
