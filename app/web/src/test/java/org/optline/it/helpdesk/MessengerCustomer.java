package org.optline.it.helpdesk;

import jakarta.json.Json;
import org.optline.it.support.Http;
import org.optline.it.support.MessengerAdmin;
import org.optline.it.support.TestDatabase;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer who writes through the messenger's public endpoints, as the widget's frame does, so that
 * customer messages pass through the same rules as in production.
 */
final class MessengerCustomer {

    /** The origin of the website that embeds the widget. No test starts it, and no request goes to it. */
    static final String SHOP = "http://127.0.0.1:9";

    private static final String TOKEN_HEADER = "X-Optline-Messenger-Token";

    private final URI base;
    private final Http http;
    private final String token;

    private MessengerCustomer(URI base, Http http, String token) {
        this.base = base;
        this.http = http;
        this.token = token;
    }

    /** Allows the shop's origin and returns a new anonymous visitor of it. */
    static MessengerCustomer arrive(URI base) {
        new MessengerAdmin(base).allowOrigins(SHOP);
        Http http = new Http(base);
        String visitor = UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> session = http.send(http.request("/messenger/session")
                .header("Origin", SHOP)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("visitor_id", visitor)
                        .build().toString())).build());
        assertThat(session.statusCode()).as("messenger session: %s", session.body()).isEqualTo(200);
        return new MessengerCustomer(base, http, Http.json(session).getString("token"));
    }

    /** Sends {@code text} as the frame does and returns the id of the conversation it was stored in. */
    long write(String text) {
        HttpResponse<String> response = http.send(http.request("/messenger/conversation/messages")
                .header(TOKEN_HEADER, token)
                .header("Origin", base.getScheme() + "://" + base.getAuthority())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("body=" + URLEncoder.encode(text, StandardCharsets.UTF_8)))
                .build());
        assertThat(response.statusCode()).as("writing through the messenger: %s", response.body()).isEqualTo(204);
        return TestDatabase.number("SELECT conversation_id FROM conversation_part WHERE kind = 'CUSTOMER_MESSAGE' "
                + "AND body = ?", text);
    }
}
