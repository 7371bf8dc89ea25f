package org.optline.it.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.optline.it.support.ApiClient;
import org.optline.it.support.Http;
import org.optline.it.support.IntercomSdk;
import org.optline.it.support.LocalOptline;
import org.optline.it.support.OptlineDeployment;
import org.optline.it.support.TestCredentials;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official intercom-client npm package, version 7.0.3, works against Optline unchanged: each test
 * calls the SDK's own methods through src/test/node/run.mjs and checks what the SDK returned.
 */
@ExtendWith(ArquillianExtension.class)
class IntercomClientIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return OptlineDeployment.packagedWar();
    }

    @ArquillianResource
    URL deployment;

    private URI base;

    @BeforeEach
    void connect() {
        base = LocalOptline.base(deployment);
    }

    @Test
    void sdkListsSubscriptionTypes() {
        ApiClient api = new ApiClient(base, TestCredentials.apiToken());
        String name = "SDK deals " + UUID.randomUUID();
        HttpResponse<String> created = api.post("/api/subscription_types", SubscriptionTypesApiIT.smsOptIn(name, "Via the SDK"));
        String id = Http.json(created).getString("id");
        api.post("/api/subscription_types/" + id + "/put_live", "");

        JsonObject outcome = IntercomSdk.run(base, TestCredentials.apiToken(), "list-subscription-types");

        assertThat(outcome.getBoolean("ok")).as(outcome.toString()).isTrue();
        JsonObject list = outcome.getJsonObject("result");
        assertThat(list.getString("type")).isEqualTo("list");
        JsonObject type = list.getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("id").equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("type " + id + " missing from " + list));
        assertThat(type.getString("state")).isEqualTo("live");
        assertThat(type.getJsonObject("default_translation").getString("name")).isEqualTo(name);
        assertThat(type.getJsonArray("content_types").getString(0)).isEqualTo("sms_message");
    }

    @Test
    void sdkSeesUnauthorizedForWrongToken() {
        JsonObject outcome = IntercomSdk.run(base, "opl_not_a_token_" + UUID.randomUUID(), "list-subscription-types");

        assertThat(outcome.getBoolean("ok")).isFalse();
        assertThat(outcome.getInt("status")).isEqualTo(401);
        assertThat(outcome.getJsonObject("body").getString("type")).isEqualTo("error.list");
    }

    @Test
    void sdkCreatesAndFindsContact() {
        String email = "sdk." + UUID.randomUUID() + "@example.com";

        JsonObject created = sdk("create-contact", Json.createObjectBuilder().add("email", email)
                .add("phone", "+1 (201) 555-0142").add("name", "SDK Ann").add("external_id", "sdk-" + email)
                .add("custom_attributes", Json.createObjectBuilder().add("plan", "pro")).build());
        JsonObject found = sdk("find-contact", Json.createObjectBuilder().add("contact_id", created.getString("id")).build());

        assertThat(created.getString("type")).isEqualTo("contact");
        assertThat(created.getString("email")).isEqualTo(email);
        assertThat(created.getString("phone")).isEqualTo("+12015550142");
        assertThat(created.getString("role")).isEqualTo("user");
        assertThat(created.getJsonObject("custom_attributes").getString("plan")).isEqualTo("pro");
        assertThat(found.getString("id")).isEqualTo(created.getString("id"));
        assertThat(found.getString("external_id")).isEqualTo("sdk-" + email);
        assertThat(found.getString("name")).isEqualTo("SDK Ann");
    }

    @Test
    void sdkUpdatesContact() {
        String id = sdkContact("+1 201 555 0142");

        JsonObject updated = sdk("update-contact", Json.createObjectBuilder().add("contact_id", id).add("name", "Renamed")
                .add("phone", "201.555.0143").build());

        assertThat(updated.getString("name")).isEqualTo("Renamed");
        assertThat(updated.getString("phone")).isEqualTo("+12015550143");
        assertThat(Http.json(api().get("/api/contacts/" + id)).getString("name")).isEqualTo("Renamed");
    }

    @Test
    void sdkAttachesListsAndDetachesSubscription() {
        String type = liveSmsOptIn();
        String contact = sdkContact("+1 201 555 0142");
        JsonObject ids = Json.createObjectBuilder().add("contact_id", contact).build();

        JsonObject attached = sdk("attach-subscription", Json.createObjectBuilder().add("contact_id", contact).add("id", type)
                .add("consent_type", "opt_in").build());
        List<String> listedAfterAttach = typeIds(sdk("list-attached-subscriptions", ids));
        JsonObject detached = sdk("detach-subscription", Json.createObjectBuilder().add("contact_id", contact)
                .add("subscription_id", type).build());
        List<String> listedAfterDetach = typeIds(sdk("list-attached-subscriptions", ids));

        assertThat(attached.getString("type")).isEqualTo("subscription");
        assertThat(attached.getString("id")).isEqualTo(type);
        assertThat(listedAfterAttach).containsExactly(type);
        assertThat(detached.getString("id")).isEqualTo(type);
        assertThat(listedAfterDetach).isEmpty();
    }

    @Test
    void sdkSearchesContactsAcrossPages() {
        String run = UUID.randomUUID().toString();
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(sdk("create-contact", Json.createObjectBuilder().add("email", i + "." + run + "@example.com")
                    .add("custom_attributes", Json.createObjectBuilder().add("run", run)).build()).getString("id"));
        }
        JsonObject query = Json.createObjectBuilder()
                .add("query", Json.createObjectBuilder().add("operator", "AND").add("value", Json.createArrayBuilder()
                        .add(filter("custom_attributes.run", "=", run))
                        .add(filter("email", "$", run + "@example.com"))))
                .add("pagination", Json.createObjectBuilder().add("per_page", 2))
                .build();

        JsonObject walk = sdk("search-contacts", query);

        assertThat(strings(walk.getJsonArray("ids"))).containsExactlyElementsOf(mine);
        JsonArray pages = walk.getJsonArray("pages");
        assertThat(pages).hasSize(3);
        assertThat(pages.getJsonObject(0).getInt("total_count")).isEqualTo(5);
        assertThat(pages.getJsonObject(2).getJsonObject("pages").getInt("page")).isEqualTo(3);
        assertThat(pages.getJsonObject(2).getJsonObject("pages")).doesNotContainKey("next");
    }

    @Test
    void sdkListsContactsWithoutRepeats() {
        String first = sdkContact(null);
        String second = sdkContact(null);

        JsonObject walk = sdk("list-contacts", Json.createObjectBuilder().add("per_page", 3).build());

        List<String> ids = strings(walk.getJsonArray("ids"));
        assertThat(ids).contains(first, second);
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        assertThat(ids).hasSize(walk.getJsonArray("pages").getJsonObject(0).getInt("total_count"));
    }

    @Test
    void sdkSeesConflictForDuplicateEmail() {
        String email = "twice." + UUID.randomUUID() + "@example.com";
        JsonObject request = Json.createObjectBuilder().add("email", email).build();
        String existing = sdk("create-contact", request).getString("id");

        JsonObject outcome = IntercomSdk.run(base, TestCredentials.apiToken(), "create-contact", request.toString());

        assertThat(outcome.getBoolean("ok")).isFalse();
        assertThat(outcome.getInt("status")).isEqualTo(409);
        JsonObject error = outcome.getJsonObject("body").getJsonArray("errors").getJsonObject(0);
        assertThat(error.getString("code")).isEqualTo("conflict");
        assertThat(error.getString("message")).contains("id=" + existing);
    }

    @Test
    void sdkDeletesContact() {
        String id = sdkContact(null);
        JsonObject ids = Json.createObjectBuilder().add("contact_id", id).build();

        JsonObject deleted = sdk("delete-contact", ids);
        JsonObject findAfter = IntercomSdk.run(base, TestCredentials.apiToken(), "find-contact", ids.toString());

        assertThat(deleted.getString("id")).isEqualTo(id);
        assertThat(deleted.getBoolean("deleted")).isTrue();
        assertThat(findAfter.getBoolean("ok")).isFalse();
        assertThat(findAfter.getInt("status")).isEqualTo(404);
    }

    /** Runs an SDK scenario that must succeed and returns what the SDK returned. */
    private JsonObject sdk(String scenario, JsonObject request) {
        JsonObject outcome = IntercomSdk.run(base, TestCredentials.apiToken(), scenario, request.toString());
        assertThat(outcome.getBoolean("ok")).as("%s %s: %s", scenario, request, outcome).isTrue();
        return outcome.getJsonObject("result");
    }

    /** Creates a contact through the SDK, with a unique email and the phone number when given, and returns its id. */
    private String sdkContact(String phone) {
        var request = Json.createObjectBuilder().add("email", "sdk." + UUID.randomUUID() + "@example.com");
        if (phone != null) {
            request.add("phone", phone);
        }
        return sdk("create-contact", request.build()).getString("id");
    }

    private ApiClient api() {
        return new ApiClient(base, TestCredentials.apiToken());
    }

    /** Creates a live SMS opt-in subscription type through the API and returns its id. */
    private String liveSmsOptIn() {
        ApiClient api = api();
        HttpResponse<String> created = api.post("/api/subscription_types",
                SubscriptionTypesApiIT.smsOptIn("SDK consent " + UUID.randomUUID(), "Attached through the SDK"));
        String id = Http.json(created).getString("id");
        assertThat(api.post("/api/subscription_types/" + id + "/put_live", "").statusCode()).isEqualTo(200);
        return id;
    }

    private static JsonObject filter(String field, String operator, String value) {
        return Json.createObjectBuilder().add("field", field).add("operator", operator).add("value", value).build();
    }

    private static List<String> typeIds(JsonObject list) {
        return list.getJsonArray("data").getValuesAs(JsonObject.class).stream().map(type -> type.getString("id")).toList();
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
