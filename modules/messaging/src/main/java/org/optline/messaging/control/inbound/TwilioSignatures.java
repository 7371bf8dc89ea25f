package org.optline.messaging.control.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks Twilio's {@code X-Twilio-Signature} header: the Base64 HMAC-SHA1, keyed with the account's auth
 * token, of the URL Twilio called followed by each POST parameter's name and value, sorted by name. The
 * URL is {@code optline.public.url} with the request path and query, because behind a proxy the request
 * Optline sees is not the one Twilio signed.
 */
@ApplicationScoped
public class TwilioSignatures {

    @Inject
    @ConfigProperty(name = "optline.twilio.auth-token")
    Optional<String> authToken;

    @Inject
    @ConfigProperty(name = "optline.public.url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /** Returns whether an auth token is configured; without one every request is rejected. */
    public boolean configured() {
        return authToken.filter(token -> !token.isBlank()).isPresent();
    }

    /**
     * Returns whether {@code signature} is Twilio's signature of a POST to {@code pathAndQuery} with
     * {@code parameters}.
     */
    public boolean valid(String signature, String pathAndQuery, Map<String, List<String>> parameters) {
        if (!configured() || signature == null || signature.isBlank()) {
            return false;
        }
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        String expected = sign(authToken.get(), base + pathAndQuery, parameters);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.strip().getBytes(StandardCharsets.US_ASCII));
    }

    /** Computes the signature Twilio sends for a POST to {@code url} with {@code parameters}. */
    static String sign(String authToken, String url, Map<String, List<String>> parameters) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, values) -> values.stream().sorted()
                .forEach(value -> data.append(name).append(value)));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available in this JVM", e);
        }
    }
}
