package org.optline.helpdesk.control.messenger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The {@code user_hash} that proves a website identified its signed-in user: the lower-case hex
 * HMAC-SHA256 of the user's external id (or of the email when there is no external id), keyed with the
 * UTF-8 bytes of the workspace's identity secret. Intercom's identity verification works the same way,
 * so a site can compute it with any HMAC library on its server.
 */
public final class IdentityHash {

    private static final String ALGORITHM = "HmacSHA256";

    private IdentityHash() {
    }

    /** Computes the hash of {@code identity} under {@code secret}. */
    public static String of(String secret, String identity) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK offers no " + ALGORITHM, e);
        }
    }

    /** Returns whether {@code userHash} (hex, any case) is the hash of {@code identity}, in constant time. */
    public static boolean matches(String secret, String identity, String userHash) {
        if (userHash == null || identity == null) {
            return false;
        }
        byte[] expected = of(secret, identity).getBytes(StandardCharsets.US_ASCII);
        byte[] given = userHash.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
