package org.optline.subscriptions.control;

import org.junit.jupiter.api.Test;
import org.optline.subscriptions.api.PreferenceLinks;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PreferenceLinkTokensTest {

    @Test
    void tokenIsShortUrlSafeAndRandom() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String token = PreferenceLinkTokens.generate();
            assertThat(token).matches("[A-Za-z0-9_-]{22}");
            tokens.add(token);
        }

        assertThat(tokens).hasSize(1_000);
    }

    @Test
    void tokenLengthMatchesPublishedLength() {
        assertThat(PreferenceLinkTokens.generate()).hasSize(PreferenceLinks.TOKEN_LENGTH);
    }

    @Test
    void hashIsSha256OfToken() {
        byte[] hash = PreferenceLinkTokens.hash("abc");

        assertThat(hash).hasSize(32);
        assertThat(java.util.HexFormat.of().formatHex(hash))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void formTokenFitsOnlyItsLink() {
        String first = PreferenceLinkTokens.generate();
        String second = PreferenceLinkTokens.generate();

        assertThat(PreferenceLinkTokens.formTokenMatches(first, PreferenceLinkTokens.formToken(first))).isTrue();
        assertThat(PreferenceLinkTokens.formTokenMatches(second, PreferenceLinkTokens.formToken(first))).isFalse();
        assertThat(PreferenceLinkTokens.formTokenMatches(first, null)).isFalse();
        assertThat(PreferenceLinkTokens.formTokenMatches(first, "")).isFalse();
    }

    @Test
    void formTokenDiffersFromLinkToken() {
        String token = PreferenceLinkTokens.generate();

        assertThat(PreferenceLinkTokens.formToken(token)).isNotEqualTo(token).doesNotContain(token);
    }
}
