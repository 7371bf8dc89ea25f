package org.optline.helpdesk.control.messenger;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The workspace's messenger settings.
 *
 * @param allowedOrigins normalized origins that may embed the messenger, see {@link AllowedOrigins}
 * @param identitySecret the key of identified users' {@code user_hash}; shown to admins, never logged
 * @param signingKey     base64 key of messenger tokens; never shown, never logged
 */
public record MessengerSettings(List<String> allowedOrigins, String identitySecret, String signingKey,
                                Instant updatedAt, long version) {

    public MessengerSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** Returns whether {@code origin}, as a browser sends it, is on the allow-list. */
    public boolean allows(String origin) {
        return AllowedOrigins.normalize(origin).map(allowedOrigins::contains).orElse(false);
    }

    public byte[] signingKeyBytes() {
        return Base64.getDecoder().decode(signingKey);
    }

    @Override
    public String toString() {
        return "MessengerSettings[allowedOrigins=" + allowedOrigins + ", version=" + version + "]";
    }
}
