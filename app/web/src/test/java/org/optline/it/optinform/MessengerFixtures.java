package org.optline.it.optinform;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.jsoup.nodes.Document;
import org.optline.it.support.Http;
import org.optline.it.support.PageSession;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Gets messenger tokens as the widget script does: the admin allows the embedding site's origin, and
 * the site's server computes the identified user's hash with the identity secret.
 */
final class MessengerFixtures {

    /** The website that embeds the messenger in these tests; it is only a name, nothing connects to it. */
    static final String SITE = "https://shop.example";

    private final Http http;
    private final String identitySecret;

    private MessengerFixtures(Http http, String identitySecret) {
        this.http = http;
        this.identitySecret = identitySecret;
    }

    /** Allows {@link #SITE} and reads the identity secret from the admin's messenger page. */
    static MessengerFixtures prepare(URI base, PageSession admin) {
        HttpResponse<String> origins = admin.htmxPost("/admin/messenger/origins", "allowed_origins", SITE);
        if (origins.statusCode() != 200) {
            throw new AssertionError("Allowing " + SITE + " failed with " + origins.statusCode() + ": " + origins.body());
        }
        Document page = PageSession.document(admin.get("/admin/messenger"));
        String secret = page.select("code[aria-labelledby=secret-label]").text();
        if (secret.isBlank()) {
            throw new AssertionError("The messenger page shows no identity secret: " + page.body().html());
        }
        return new MessengerFixtures(new Http(base), secret);
    }

    /** Returns a messenger token for the user with {@code externalId}, as the widget gets it from the session endpoint. */
    String tokenFor(String externalId) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("user_id", externalId)
                .add("user_hash", hash(externalId));
        HttpResponse<String> response = http.send(http.request("/messenger/session")
                .header("Origin", SITE)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString()))
                .build());
        if (response.statusCode() != 200) {
            throw new AssertionError("Messenger session for " + externalId + " failed with " + response.statusCode()
                    + ": " + response.body());
        }
        return Http.json(response).getString("token");
    }

    private String hash(String identity) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(identitySecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
