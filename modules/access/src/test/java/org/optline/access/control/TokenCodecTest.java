package org.optline.access.control;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TokenCodecTest {

    @Test
    void newValueHasPrefixAndUrlSafeAlphabet() {
        String value = TokenCodec.newValue();

        assertThat(value).startsWith(TokenCodec.PREFIX);
        assertThat(value.substring(TokenCodec.PREFIX.length())).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void newValueCarries256RandomBits() {
        String encoded = TokenCodec.newValue().substring(TokenCodec.PREFIX.length());

        byte[] random = Base64.getUrlDecoder().decode(encoded);

        assertThat(random).hasSize(32);
    }

    @Test
    void newValuesDoNotRepeat() {
        Set<String> values = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            values.add(TokenCodec.newValue());
        }

        assertThat(values).hasSize(10_000);
    }

    @Test
    void hashIsSha256InLowerCaseHex() {
        // The SHA-256 of "abc", as printed by: printf abc | sha256sum
        assertThat(TokenCodec.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void hashHas64HexDigitsForAnyValue() {
        assertThat(TokenCodec.hash(TokenCodec.newValue())).matches("[0-9a-f]{64}");
    }

    @Test
    void hashIsDeterministic() {
        String value = TokenCodec.newValue();

        assertThat(TokenCodec.hash(value)).isEqualTo(TokenCodec.hash(value));
    }

    @Test
    void hashDiffersForDifferentValues() {
        assertThat(TokenCodec.hash("opl_a")).isNotEqualTo(TokenCodec.hash("opl_b"));
    }

    @Test
    void hintIsTheLastFourCharacters() {
        assertThat(TokenCodec.hint("opl_abcdefWXYZ")).isEqualTo("WXYZ");
    }

    @Test
    void hintOfShortValueIsTheWholeValue() {
        assertThat(TokenCodec.hint("xy")).isEqualTo("xy");
    }

    @Test
    void hintFitsTheHintColumn() {
        // api_token.token_hint is VARCHAR(8).
        assertThat(TokenCodec.hint(TokenCodec.newValue()).length()).isLessThanOrEqualTo(8);
    }
}
