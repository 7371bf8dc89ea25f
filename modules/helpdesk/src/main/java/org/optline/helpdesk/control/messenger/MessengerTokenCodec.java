package org.optline.helpdesk.control.messenger;

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
 * Encodes and checks messenger tokens: {@code v2.<payload>.<signature>}, both parts base64url without
 * padding. The payload is the contact id (0 for an anonymous visitor), the visitor id (empty for a
 * contact), the origin, the expiry in epoch seconds and a random nonce, separated by line feeds; the
 * signature is HMAC-SHA256 of {@code v2.<payload>} under the workspace's signing key. Tokens of the
 * earlier {@code v1} form, whose payload has no visitor id, are still accepted until they expire.
 * Tokens are bearer credentials, so nothing here logs them.
 */
public final class MessengerTokenCodec {

    private static final String VERSION = "v2";
    private static final String EARLIER_VERSION = "v1";
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

    /** Returns a signed token for {@code claims} with a fresh random nonce. */
    public String sign(MessengerClaims claims) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        String payload = claims.contactId() + "\n" + (claims.anonymous() ? claims.visitorId() : "") + "\n"
                + claims.origin() + "\n" + claims.expiresAt().getEpochSecond() + "\n" + ENCODER.encodeToString(nonce);
        String signed = VERSION + "." + ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return signed + "." + ENCODER.encodeToString(mac(signed));
    }

    /**
     * Returns the claims of {@code token} when its signature matches and it expires after {@code now},
     * or empty for anything else: malformed, tampered, signed with another key or expired.
     */
    public Optional<MessengerClaims> verify(String token, Instant now) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        int lastDot = token.lastIndexOf('.');
        boolean earlier = token.startsWith(EARLIER_VERSION + ".");
        if (!(token.startsWith(VERSION + ".") || earlier) || lastDot <= VERSION.length()) {
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
        return (earlier ? parseEarlier(payload) : parse(payload)).filter(claims -> claims.expiresAt().isAfter(now));
    }

    private static Optional<MessengerClaims> parse(String payload) {
        String[] fields = payload.split("\n", -1);
        if (fields.length != 5) {
            return Optional.empty();
        }
        try {
            long contactId = Long.parseLong(fields[0]);
            String visitorId = fields[1].isEmpty() ? null : fields[1];
            Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(fields[3]));
            return Optional.of(new MessengerClaims(contactId, visitorId, fields[2], expiresAt));
        } catch (IllegalArgumentException e) {
            // NumberFormatException, or claims that name both a contact and a visitor, or neither.
            return Optional.empty();
        }
    }

    /** Parses a v1 payload: contact id, origin, expiry and nonce. */
    private static Optional<MessengerClaims> parseEarlier(String payload) {
        String[] fields = payload.split("\n", -1);
        if (fields.length != 4) {
            return Optional.empty();
        }
        try {
            Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(fields[2]));
            return Optional.of(MessengerClaims.ofContact(Long.parseLong(fields[0]), fields[1], expiresAt));
        } catch (IllegalArgumentException e) {
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
