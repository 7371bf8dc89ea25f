package org.optline.access.boundary;

import org.junit.jupiter.api.Test;
import org.optline.access.api.AccountView;
import org.optline.access.api.Role;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UserListModelTest {

    private static final Instant NOW = Instant.parse("2025-03-14T09:00:00Z");

    private static AccountView account(String email, Instant lockedUntil) {
        return new AccountView(1, email, "Ana", Role.AGENT, false, lockedUntil, NOW.minusSeconds(3600),
                NOW.minusSeconds(3600));
    }

    private static UserListModel model(AccountView account) {
        return new UserListModel(List.of(account), "admin@example.com", NOW);
    }

    @Test
    void lockedWhileLockEndsInFuture() {
        AccountView locked = account("ana@example.com", NOW.plusSeconds(1));

        assertThat(model(locked).isLocked(locked)).isTrue();
    }

    @Test
    void notLockedWhenLockEndsNow() {
        AccountView expired = account("ana@example.com", NOW);

        assertThat(model(expired).isLocked(expired)).isFalse();
    }

    @Test
    void notLockedWithoutLock() {
        AccountView open = account("ana@example.com", null);

        assertThat(model(open).isLocked(open)).isFalse();
    }

    @Test
    void signedInMatchesOnlyTheViewer() {
        AccountView viewer = account("admin@example.com", null);
        AccountView other = account("ana@example.com", null);

        assertThat(model(viewer).isSignedIn(viewer)).isTrue();
        assertThat(model(other).isSignedIn(other)).isFalse();
    }
}
