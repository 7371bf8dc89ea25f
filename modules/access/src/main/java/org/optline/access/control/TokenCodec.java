package org.optline.access.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Creates API token values and the hashes under which they are stored.
 *
 * <p>A value is {@code opl_} followed by 32 random bytes in unpadded base64url: 256 bits from
 * {@link SecureRandom}, so that a plain SHA-256 is a safe way to store it (no salt or slow hash is
 * needed for a secret that cannot be guessed).
 */
public final class TokenCodec {

    public static final String PREFIX = "opl_";
    private static final int RANDOM_BYTES = 32;
    private static final int HINT_LENGTH = 4;

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenCodec() {
    }

    public static String newValue() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Returns the lower-case hex SHA-256 of {@code value}. */
    public static String hash(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Returns the last characters of {@code value}, shown in lists so that admins can tell tokens apart. */
    public static String hint(String value) {
        return value.substring(Math.max(0, value.length() - HINT_LENGTH));
    }
}
