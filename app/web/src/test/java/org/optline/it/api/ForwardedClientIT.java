package org.optline.it.api;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optline.it.support.ApiClient;
import org.optline.it.support.Http;
import org.optline.it.support.LocalPayara;
import org.optline.it.support.TestCredentials;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs Optline with 127.0.0.1 as a trusted proxy, as behind a reverse proxy on the same machine, and
 * checks that consent evidence records the address from {@code X-Forwarded-For}.
 */
class ForwardedClientIT {

    private static LocalPayara optline;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        optline = LocalPayara.start("forwarded-client", List.of("optline.trusted-proxies=127.0.0.1, ::1"));
        api = new ApiClient(optline.base(), TestCredentials.apiToken());
    }

    @AfterAll
    static void stop() {
        if (optline != null) {
            optline.close();
        }
    }

    @Test
    void evidenceRecordsForwardedClient() {
        String type = liveEmailType();
        long plain = contact();
        long proxied = contact();
        long forged = contact();

        HttpResponse<String> direct = attach(plain, type, null);
        HttpResponse<String> throughProxy = attach(proxied, type, "203.0.113.7");
        HttpResponse<String> withForgedEntry = attach(forged, type, "198.51.100.66, 203.0.113.8");

        assertThat(direct.statusCode()).as(direct.body()).isEqualTo(200);
        assertThat(throughProxy.statusCode()).as(throughProxy.body()).isEqualTo(200);
        assertThat(withForgedEntry.statusCode()).as(withForgedEntry.body()).isEqualTo(200);
        assertThat(lastEventAddress(plain)).as("no header: the peer").isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(lastEventAddress(proxied)).isEqualTo("203.0.113.7");
        assertThat(lastEventAddress(forged)).as("the entry the proxy added, not the one the client wrote")
                .isEqualTo("203.0.113.8");
    }

    private static String liveEmailType() {
        HttpResponse<String> created = api.post("/api/subscription_types", "{\"content_types\":[\"email\"],"
                + "\"consent_type\":\"opt_in\",\"default_translation\":{\"name\":\"Forwarded " + UUID.randomUUID()
                + "\",\"locale\":\"en\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String id = Http.json(created).getString("id");
        HttpResponse<String> live = api.post("/api/subscription_types/" + id + "/put_live", "");
        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        return id;
    }

    private static long contact() {
        HttpResponse<String> created = api.post("/api/contacts", "{\"role\":\"user\",\"email\":\"forwarded-"
                + UUID.randomUUID() + "@example.com\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return Long.parseLong(Http.json(created).getString("id"));
    }

    private static HttpResponse<String> attach(long contact, String type, String forwardedFor) {
        HttpRequest.Builder request = api.http().request("/api/contacts/" + contact + "/subscriptions")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + type + "\"}"));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return api.send(request);
    }

    private static String lastEventAddress(long contact) {
        List<JsonObject> events = Http.json(api.get("/api/contacts/" + contact + "/consent_events"))
                .getJsonArray("data").getValuesAs(JsonObject.class);
        assertThat(events).as("events of contact %s", contact).isNotEmpty();
        return events.getLast().getString("ip_address", null);
    }
}
