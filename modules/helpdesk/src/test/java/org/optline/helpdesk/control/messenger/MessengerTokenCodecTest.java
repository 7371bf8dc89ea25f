package org.optline.helpdesk.control.messenger;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessengerTokenCodecTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final MessengerClaims VISITOR = MessengerClaims.ofContact(42, "https://shop.example",
            NOW.plus(Duration.ofHours(12)));

    private final MessengerTokenCodec codec = new MessengerTokenCodec(key(1));

    @Test
    void signedTokenVerifies() {
        String token = codec.sign(VISITOR);

        assertThat(codec.verify(token, NOW)).contains(VISITOR);
    }

    @Test
    void tokensOfSameVisitorDiffer() {
        assertThat(codec.sign(VISITOR)).isNotEqualTo(codec.sign(VISITOR));
    }

    @Test
    void expiredTokenIsRejected() {
        String token = codec.sign(VISITOR);

        assertThat(codec.verify(token, VISITOR.expiresAt())).isEmpty();
        assertThat(codec.verify(token, VISITOR.expiresAt().plusSeconds(1))).isEmpty();
    }

    @Test
    void tokenOfOtherKeyIsRejected() {
        String token = new MessengerTokenCodec(key(2)).sign(VISITOR);

        assertThat(codec.verify(token, NOW)).isEmpty();
    }

    @Test
    void changedContactIsRejected() {
        String token = codec.sign(VISITOR);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replaceFirst("^42\n", "43\n");
        assertThat(forged).isNotEqualTo(payload);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(codec.verify(tampered, NOW)).isEmpty();
    }

    @Test
    void anonymousVisitorTokenVerifies() {
        MessengerClaims anonymous = MessengerClaims.ofVisitor("a1b2c3d4e5f6a7b8c9d0", "https://shop.example",
                NOW.plus(Duration.ofHours(12)));

        assertThat(codec.verify(codec.sign(anonymous), NOW)).contains(anonymous);
    }

    @Test
    void earlierVersionTokenVerifies() {
        String payload = "42\nhttps://shop.example\n" + VISITOR.expiresAt().getEpochSecond() + "\nbm9uY2U";
        String signed = "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        String token = signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key(1), signed));

        assertThat(codec.verify(token, NOW)).contains(VISITOR);
    }

    @Test
    void flippedSignatureCharacterIsRejected() {
        String token = codec.sign(VISITOR);
        // The signature's first character, because the last one also carries unused padding bits, so
        // changing it can decode to the same signature bytes.
        int first = token.lastIndexOf('.') + 1;
        char original = token.charAt(first);
        String tampered = token.substring(0, first) + (original == 'A' ? 'B' : 'A') + token.substring(first + 1);

        assertThat(codec.verify(tampered, NOW)).isEmpty();
    }

    @Test
    void malformedTokensAreRejected() {
        for (String token : new String[]{null, "", "v1", "v1.", "v1..", "v2.abc.def", "v3.abc.def", "v1.!!!.???",
                "x".repeat(MessengerTokenCodec.MAX_TOKEN_LENGTH + 1)}) {
            assertThat(codec.verify(token, NOW)).as("token %s", token).isEmpty();
        }
    }

    @Test
    void shortKeyIsRefused() {
        assertThatThrownBy(() -> new MessengerTokenCodec(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
