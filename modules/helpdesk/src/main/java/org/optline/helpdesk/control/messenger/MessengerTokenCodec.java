package org.optline.helpdesk.control.messenger;

import org.optline.helpdesk.api.MessengerVisitor;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Encodes and checks messenger tokens: {@code v1.<payload>.<signature>}, both parts base64url without
 * padding. The payload is the contact id, the origin, the expiry in epoch seconds and a random nonce,
 * separated by line feeds; the signature is HMAC-SHA256 of {@code v1.<payload>} under the workspace's
 * signing key. Tokens are bearer credentials, so nothing here logs them.
 */
public final class MessengerTokenCodec {

    private static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int NONCE_BYTES = 16;
    /** Longer values are rejected before any decoding, so a huge header costs no work. */
    static final int MAX_TOKEN_LENGTH = 1024;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;

    /** Creates a codec that signs and checks with {@code key}, at least 32 bytes. */
    public MessengerTokenCodec(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("A messenger signing key needs at least 32 bytes, got " + key.length);
        }
        this.key = key.clone();
    }

    /** Returns a signed token for {@code visitor} with a fresh random nonce. */
    public String sign(MessengerVisitor visitor) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        String payload = visitor.contactId() + "\n" + visitor.origin() + "\n" + visitor.expiresAt().getEpochSecond()
                + "\n" + ENCODER.encodeToString(nonce);
        String signed = VERSION + "." + ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return signed + "." + ENCODER.encodeToString(mac(signed));
    }

    /**
     * Returns the visitor of {@code token} when its signature matches and it expires after {@code now},
     * or empty for anything else: malformed, tampered, signed with another key or expired.
     */
    public Optional<MessengerVisitor> verify(String token, Instant now) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        int lastDot = token.lastIndexOf('.');
        if (!token.startsWith(VERSION + ".") || lastDot <= VERSION.length()) {
            return Optional.empty();
        }
        String signed = token.substring(0, lastDot);
        byte[] signature;
        String payload;
        try {
            signature = DECODER.decode(token.substring(lastDot + 1));
            payload = new String(DECODER.decode(signed.substring(VERSION.length() + 1)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // MessageDigest.isEqual takes the same time wherever the first difference is.
        if (!MessageDigest.isEqual(mac(signed), signature)) {
            return Optional.empty();
        }
        return parse(payload).filter(visitor -> visitor.expiresAt().isAfter(now));
    }

    private static Optional<MessengerVisitor> parse(String payload) {
        String[] fields = payload.split("\n", -1);
        if (fields.length != 4) {
            return Optional.empty();
        }
        try {
            long contactId = Long.parseLong(fields[0]);
            Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(fields[2]));
            return Optional.of(new MessengerVisitor(contactId, fields[1], expiresAt));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String signed) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK offers no " + ALGORITHM, e);
        }
    }
}
