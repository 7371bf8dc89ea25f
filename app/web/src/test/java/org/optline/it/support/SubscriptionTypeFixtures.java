package org.optline.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.net.http.HttpResponse;
import java.util.UUID;

/** Creates and changes subscription types through the public API, to set up what a page test needs. */
public final class SubscriptionTypeFixtures {

    private final ApiClient api;

    public SubscriptionTypeFixtures(ApiClient api) {
        this.api = api;
    }

    /** Returns a short random text that makes a name unique in the shared test database. */
    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a draft SMS opt-in type with English texts and returns its id. */
    public String createSmsOptIn(String name, String description) {
        String body = Json.createObjectBuilder()
                .add("content_types", Json.createArrayBuilder().add("sms_message"))
                .add("consent_type", "opt_in")
                .add("default_translation", Json.createObjectBuilder()
                        .add("name", name)
                        .add("description", description)
                        .add("locale", "en"))
                .build()
                .toString();
        return require(api.post("/api/subscription_types", body), "create " + name).getString("id");
    }

    public void putLive(String id) {
        require(api.post("/api/subscription_types/" + id + "/put_live", ""), "put " + id + " live");
    }

    /** Replaces the English name and description without If-Match, as a second admin's edit would. */
    public void reword(String id, String name, String description) {
        String body = Json.createObjectBuilder()
                .add("default_translation", Json.createObjectBuilder()
                        .add("name", name)
                        .add("description", description)
                        .add("locale", "en"))
                .build()
                .toString();
        require(api.put("/api/subscription_types/" + id, body, null), "reword " + id);
    }

    public JsonObject find(String id) {
        return require(api.get("/api/subscription_types/" + id), "read " + id);
    }

    /** Returns the text of the API's list of all types, to check whether a name or description was stored. */
    public String listBody() {
        HttpResponse<String> response = api.get("/api/subscription_types");
        if (response.statusCode() != 200) {
            throw new AssertionError("Listing the types failed with " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static JsonObject require(HttpResponse<String> response, String action) {
        if (response.statusCode() != 200) {
            throw new AssertionError("API call to " + action + " failed with " + response.statusCode() + ": "
                    + response.body());
        }
        return Http.json(response);
    }
}
