package org.optline.it.segments;

import jakarta.json.Json;
import org.optline.it.support.ApiClient;
import org.optline.it.support.Http;
import org.optline.it.support.PageSession;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Creates the subscription types and segments that the segment tests count, through the API and the admin pages. */
final class SegmentFixtures {

    private SegmentFixtures() {
    }

    /** Creates an SMS subscription type through the API, live or left as a draft, and returns its id. */
    static String smsType(ApiClient api, String name, String consentType, boolean live) {
        String body = Json.createObjectBuilder()
                .add("message_type", "sms_message")
                .add("consent_type", consentType)
                .add("default_translation", Json.createObjectBuilder().add("name", name).add("description", "")
                        .add("locale", "en"))
                .build().toString();
        HttpResponse<String> created = api.post("/api/subscription_types", body);
        assertThat(created.statusCode()).as("creating type %s: %s", name, created.body()).isEqualTo(200);
        String id = Http.json(created).getString("id");
        if (live) {
            HttpResponse<String> putLive = api.post("/api/subscription_types/" + id + "/put_live", "");
            assertThat(putLive.statusCode()).as("putting type %s live: %s", id, putLive.body()).isEqualTo(200);
        }
        return id;
    }

    /** Saves a segment through the editor's htmx form and returns its id from the redirect. */
    static String saveSegment(PageSession admin, String name, String conditions) {
        HttpResponse<String> response = admin.htmxPost("/admin/segments", "name", name, "conditions", conditions);
        assertThat(response.statusCode()).as("saving segment %s: %s", name, response.body()).isEqualTo(200);
        String location = response.headers().firstValue("HX-Redirect").orElseThrow();
        assertThat(location).matches("/admin/segments/[0-9]+");
        return location.substring("/admin/segments/".length());
    }
}
