package org.optline.subscriptions.control;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The tokens of preference center links: 128 random bits as 22 characters of URL-safe Base64, stored
 * only as a SHA-256 hash, and the form token that a page derives from its link token.
 */
public final class PreferenceLinkTokens {

    /** Random bytes per link token: 128 bits, well above the 64 bits a guess must beat. */
    static final int TOKEN_BYTES = 16;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final byte[] FORM_TOKEN_CONTEXT = "optline preference center form".getBytes(StandardCharsets.US_ASCII);

    private PreferenceLinkTokens() {
    }

    /** Generates a new link token, such as {@code Xb3k9QmT2aZr8LwE4nYp0w}. */
    public static String generate() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** Returns the SHA-256 hash of a token as stored in {@code preference_link.token_hash}; any text is accepted. */
    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /**
     * Returns the form token of the page opened with {@code linkToken}: an HMAC-SHA256 keyed with the link
     * token, so that only a holder of that link can compute it and it fits no other link.
     */
    public static String formToken(String linkToken) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(linkToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return ENCODER.encodeToString(mac.doFinal(FORM_TOKEN_CONTEXT));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this Java runtime", e);
        }
    }

    /** Returns whether {@code submitted} is the form token of {@code linkToken}, compared in constant time. */
    public static boolean formTokenMatches(String linkToken, String submitted) {
        if (submitted == null) {
            return false;
        }
        return MessageDigest.isEqual(formToken(linkToken).getBytes(StandardCharsets.US_ASCII),
                submitted.getBytes(StandardCharsets.UTF_8));
    }
}
