package org.optline.helpdesk.control.messenger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityHashTest {

    private static final String SECRET = "a-workspace-secret";

    @Test
    void hashIsHexHmacSha256() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        assertThat(IdentityHash.of("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void matchingHashIsAccepted() {
        String hash = IdentityHash.of(SECRET, "user-7");

        assertThat(IdentityHash.matches(SECRET, "user-7", hash)).isTrue();
        assertThat(IdentityHash.matches(SECRET, "user-7", hash.toUpperCase())).isTrue();
    }

    @Test
    void hashOfAnotherUserIsRejected() {
        String hash = IdentityHash.of(SECRET, "user-7");

        assertThat(IdentityHash.matches(SECRET, "user-8", hash)).isFalse();
    }

    @Test
    void hashWithAnotherSecretIsRejected() {
        String hash = IdentityHash.of("another-secret", "user-7");

        assertThat(IdentityHash.matches(SECRET, "user-7", hash)).isFalse();
    }

    @Test
    void missingHashIsRejected() {
        assertThat(IdentityHash.matches(SECRET, "user-7", null)).isFalse();
        assertThat(IdentityHash.matches(SECRET, "user-7", "")).isFalse();
    }
}
