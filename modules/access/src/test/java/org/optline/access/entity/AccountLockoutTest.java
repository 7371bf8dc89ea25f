package org.optline.access.entity;

import org.junit.jupiter.api.Test;
import org.optline.access.api.Role;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AccountLockoutTest {

    private static final Instant NOW = Instant.parse("2025-03-14T09:00:00Z");

    private final Account account = new Account("ana@example.com", "Ana", Role.AGENT, "hash", NOW);

    private void failSignIns(int count, Instant at) {
        for (int i = 0; i < count; i++) {
            account.recordFailedLogin(at);
        }
    }

    @Test
    void newAccountIsNotLocked() {
        assertThat(account.isLockedAt(NOW)).isFalse();
    }

    @Test
    void fourFailuresDoNotLock() {
        failSignIns(4, NOW);

        assertThat(account.isLockedAt(NOW)).isFalse();
    }

    @Test
    void fifthFailureLocksForFifteenMinutes() {
        failSignIns(5, NOW);

        assertThat(account.lockedUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(account.isLockedAt(NOW)).isTrue();
        assertThat(account.isLockedAt(NOW.plus(Duration.ofMinutes(15)).minusMillis(1))).isTrue();
    }

    @Test
    void lockEndsAfterFifteenMinutes() {
        failSignIns(5, NOW);

        assertThat(account.isLockedAt(NOW.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void countRestartsAfterLockEnds() {
        failSignIns(5, NOW);
        Instant later = NOW.plus(Duration.ofMinutes(16));

        failSignIns(4, later);

        assertThat(account.isLockedAt(later)).isFalse();
    }

    @Test
    void successfulSignInResetsCount() {
        failSignIns(4, NOW);
        account.recordSuccessfulLogin(NOW);

        failSignIns(4, NOW);

        assertThat(account.isLockedAt(NOW)).isFalse();
    }

    @Test
    void enableClearsLock() {
        failSignIns(5, NOW);

        account.enable(NOW);

        assertThat(account.isLockedAt(NOW)).isFalse();
        assertThat(account.lockedUntil()).isNull();
    }

    @Test
    void enableResetsCount() {
        failSignIns(4, NOW);
        account.enable(NOW);

        account.recordFailedLogin(NOW);

        assertThat(account.isLockedAt(NOW)).isFalse();
    }

    @Test
    void enableClearsDisabled() {
        account.disable(NOW);

        account.enable(NOW);

        assertThat(account.disabled()).isFalse();
    }

    @Test
    void activeAdminIsOnlyAnEnabledAdmin() {
        Account admin = new Account("root@example.com", "Root", Role.ADMIN, "hash", NOW);
        Account disabledAdmin = new Account("old@example.com", "Old", Role.ADMIN, "hash", NOW);
        disabledAdmin.disable(NOW);

        assertThat(admin.isActiveAdmin()).isTrue();
        assertThat(disabledAdmin.isActiveAdmin()).isFalse();
        assertThat(account.isActiveAdmin()).isFalse();
    }
}
