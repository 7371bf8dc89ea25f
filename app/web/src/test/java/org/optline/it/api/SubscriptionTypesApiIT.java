package org.optline.it.api;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.optline.it.support.ApiClient;
import org.optline.it.support.Http;
import org.optline.it.support.LocalOptline;
import org.optline.it.support.OptlineDeployment;
import org.optline.it.support.TestCredentials;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The subscription type API on Payara Micro against MariaDB, called as an integrator calls it. */
@ExtendWith(ArquillianExtension.class)
class SubscriptionTypesApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return OptlineDeployment.packagedWar();
    }

    @ArquillianResource
    URL deployment;

    private ApiClient api;
    private URI base;

    @BeforeEach
    void connect() {
        base = LocalOptline.base(deployment);
        api = new ApiClient(base, TestCredentials.apiToken());
    }

    @Test
    void listWithoutTokenIsUnauthorized() {
        HttpResponse<String> response = new Http(base).send(new Http(base).request("/api/subscription_types").GET().build());

        assertThat(response.statusCode()).isEqualTo(401);
        JsonObject body = Http.json(response);
        assertThat(body.getString("type")).isEqualTo("error.list");
        assertThat(body.getString("request_id")).isNotBlank();
        assertThat(body.getJsonArray("errors").getJsonObject(0).getString("code")).isEqualTo("unauthorized");
    }

    @Test
    void listWithWrongTokenIsUnauthorized() {
        ApiClient stranger = new ApiClient(base, "opl_" + UUID.randomUUID());

        HttpResponse<String> response = stranger.get("/api/subscription_types");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(errorCode(response)).isEqualTo("unauthorized");
    }

    @Test
    void unknownPathWithoutTokenIsUnauthorizedNotNotFound() {
        Http http = new Http(base);

        HttpResponse<String> response = http.send(http.request("/api/no_such_thing").GET().build());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void basicAuthWithTokenAsUserIsAccepted() {
        String basic = Base64.getEncoder().encodeToString((TestCredentials.apiToken() + ":").getBytes(StandardCharsets.UTF_8));
        Http http = new Http(base);

        HttpResponse<String> response = http.send(http.request("/api/subscription_types")
                .header("Authorization", "Basic " + basic).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void listReturnsIntercomEnvelope() {
        String name = "Deals " + UUID.randomUUID();
        String id = create(smsOptIn(name, "Weekly offers")).getString("id");

        HttpResponse<String> response = api.send(api.http().request("/api/subscription_types")
                .header("Intercom-Version", "2.14").header("Accept", "*/*").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject list = Http.json(response);
        assertThat(list.getString("type")).isEqualTo("list");
        JsonObject created = list.getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .filter(type -> type.getString("id").equals(id))
                .findFirst().orElseThrow();
        assertThat(created.getString("type")).isEqualTo("subscription");
        assertThat(created.getString("state")).isEqualTo("draft");
        assertThat(created.getString("consent_type")).isEqualTo("opt_in");
        assertThat(created.getJsonArray("content_types").getString(0)).isEqualTo("sms_message");
        assertThat(created.getJsonObject("default_translation").getString("name")).isEqualTo(name);
        assertThat(created.getJsonObject("default_translation").getString("locale")).isEqualTo("en");
    }

    @Test
    void typeMovesFromDraftToLiveToArchived() {
        String id = create(smsOptIn("Lifecycle " + UUID.randomUUID(), "")).getString("id");

        HttpResponse<String> live = api.post("/api/subscription_types/" + id + "/put_live", "");
        HttpResponse<String> archived = api.post("/api/subscription_types/" + id + "/archive", "");
        HttpResponse<String> liveAgain = api.post("/api/subscription_types/" + id + "/put_live", "");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(Http.json(live).getString("state")).isEqualTo("live");
        assertThat(archived.statusCode()).isEqualTo(200);
        assertThat(Http.json(archived).getString("state")).isEqualTo("archived");
        assertThat(liveAgain.statusCode()).isEqualTo(409);
        assertThat(errorCode(liveAgain)).isEqualTo("conflict");
        assertThat(state(id)).isEqualTo("archived");
    }

    @Test
    void doubleOptInIsSetThroughTheApi() {
        String name = "Confirmed " + UUID.randomUUID();
        String body = smsOptIn(name, "");
        HttpResponse<String> created = api.post("/api/subscription_types",
                body.substring(0, body.length() - 1) + ",\"double_opt_in\":true}");
        String id = Http.json(created).getString("id");

        HttpResponse<String> turnedOff = api.put("/api/subscription_types/" + id, "{\"double_opt_in\":false}", null);
        HttpResponse<String> onEmail = api.post("/api/subscription_types", ("{\"content_types\":[\"email\"],"
                + "\"consent_type\":\"opt_in\",\"double_opt_in\":true,\"default_translation\":{\"name\":\"Mail %s\","
                + "\"locale\":\"en\"}}").formatted(UUID.randomUUID()));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(Http.json(created).getBoolean("double_opt_in")).isTrue();
        assertThat(turnedOff.statusCode()).as(turnedOff.body()).isEqualTo(200);
        assertThat(Http.json(turnedOff).getBoolean("double_opt_in")).isFalse();
        assertThat(onEmail.statusCode()).isEqualTo(400);
        assertThat(errorField(onEmail)).isEqualTo("double_opt_in");
    }

    @Test
    void emptyNameIsRejectedAndNothingStored() {
        String description = "Empty name " + UUID.randomUUID();

        HttpResponse<String> response = api.post("/api/subscription_types", smsOptIn("   ", description));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorCode(response)).isEqualTo("parameter_not_found");
        assertThat(errorField(response)).isEqualTo("default_translation.name");
        assertThat(api.get("/api/subscription_types").body()).doesNotContain(description);
    }

    @Test
    void tenThousandCharacterDescriptionIsRejected() {
        String name = "Long " + UUID.randomUUID();

        HttpResponse<String> response = api.post("/api/subscription_types", smsOptIn(name, "x".repeat(10_000)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorCode(response)).isEqualTo("parameter_invalid");
        assertThat(errorField(response)).isEqualTo("default_translation.description");
        assertThat(errorMessage(response)).contains("10000").contains("500");
        assertThat(api.get("/api/subscription_types").body()).doesNotContain(name);
    }

    @Test
    void unknownConsentTypeIsRejected() {
        String name = "Maybe " + UUID.randomUUID();
        String body = smsOptIn(name, "").replace("\"opt_in\"", "\"maybe\"");

        HttpResponse<String> response = api.post("/api/subscription_types", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorField(response)).isEqualTo("consent_type");
        assertThat(errorMessage(response)).contains("'maybe'").contains("opt_in or opt_out");
        assertThat(api.get("/api/subscription_types").body()).doesNotContain(name);
    }

    @Test
    void duplicateActiveNameIsConflict() {
        String name = "Twice " + UUID.randomUUID();
        String first = create(smsOptIn(name, "")).getString("id");

        HttpResponse<String> again = api.post("/api/subscription_types", smsOptIn(name.toUpperCase(), ""));
        api.post("/api/subscription_types/" + first + "/archive", "");
        HttpResponse<String> afterArchive = api.post("/api/subscription_types", smsOptIn(name, ""));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(errorMessage(again)).contains("id " + first);
        assertThat(afterArchive.statusCode()).isEqualTo(200);
    }

    @Test
    void consentTypeCannotChange() {
        String id = create(smsOptIn("Fixed " + UUID.randomUUID(), "")).getString("id");

        HttpResponse<String> response = api.put("/api/subscription_types/" + id, "{\"consent_type\":\"opt_out\"}", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorField(response)).isEqualTo("consent_type");
        assertThat(errorMessage(response)).contains("cannot change");
        assertThat(Http.json(api.get("/api/subscription_types/" + id)).getString("consent_type")).isEqualTo("opt_in");
    }

    @Test
    void messageTypeCannotChange() {
        String id = create(smsOptIn("Channel " + UUID.randomUUID(), "")).getString("id");

        HttpResponse<String> response = api.put("/api/subscription_types/" + id, "{\"content_types\":[\"email\"]}", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorField(response)).isEqualTo("content_types");
        assertThat(Http.json(api.get("/api/subscription_types/" + id)).getJsonArray("content_types").getString(0))
                .isEqualTo("sms_message");
    }

    @Test
    void archivedTypeCannotBeEdited() {
        String id = create(smsOptIn("Old " + UUID.randomUUID(), "before")).getString("id");
        api.post("/api/subscription_types/" + id + "/archive", "");

        HttpResponse<String> response = api.put("/api/subscription_types/" + id,
                "{\"default_translation\":{\"name\":\"Renamed\",\"description\":\"after\",\"locale\":\"en\"}}", null);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(errorMessage(response)).contains("archived");
        JsonObject stored = Http.json(api.get("/api/subscription_types/" + id));
        assertThat(stored.getJsonObject("default_translation").getString("description")).isEqualTo("before");
    }

    @Test
    void editKeepsOtherTranslationsAndBumpsVersion() {
        String id = create(smsOptIn("Texts " + UUID.randomUUID(), "first")).getString("id");
        HttpResponse<String> before = api.get("/api/subscription_types/" + id);
        api.put("/api/subscription_types/" + id, "{\"translations\":[{\"locale\":\"fr\",\"name\":\"Offres\",\"description\":\"\"}]}",
                before.headers().firstValue("ETag").orElseThrow());

        HttpResponse<String> response = api.put("/api/subscription_types/" + id,
                "{\"default_translation\":{\"name\":\"Texts renamed\",\"description\":\"second\"}}", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject updated = Http.json(response);
        assertThat(updated.getJsonObject("default_translation").getString("description")).isEqualTo("second");
        assertThat(updated.getJsonArray("translations")).hasSize(2);
        assertThat(updated.getJsonArray("translations").getJsonObject(1).getString("locale")).isEqualTo("fr");
        assertThat(response.headers().firstValue("ETag")).isNotEqualTo(before.headers().firstValue("ETag"));
    }

    @Test
    void staleIfMatchIsConflictAndOverwritesNothing() {
        String id = create(smsOptIn("Race " + UUID.randomUUID(), "original")).getString("id");
        String etag = api.get("/api/subscription_types/" + id).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> first = api.put("/api/subscription_types/" + id,
                "{\"default_translation\":{\"name\":\"Race\",\"description\":\"first admin\"}}", etag);

        HttpResponse<String> second = api.put("/api/subscription_types/" + id,
                "{\"default_translation\":{\"name\":\"Race\",\"description\":\"second admin\"}}", etag);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(errorCode(second)).isEqualTo("conflict");
        assertThat(errorMessage(second)).contains("changed by someone else");
        JsonObject stored = Http.json(api.get("/api/subscription_types/" + id));
        assertThat(stored.getJsonObject("default_translation").getString("description")).isEqualTo("first admin");
    }

    @Test
    void malformedJsonIsRejected() {
        HttpResponse<String> response = api.post("/api/subscription_types", "{\"content_types\": [");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorField(response)).isEqualTo("body");
    }

    @Test
    void unknownIdIsNotFound() {
        HttpResponse<String> numeric = api.get("/api/subscription_types/987654321");
        HttpResponse<String> text = api.get("/api/subscription_types/abc");

        assertThat(numeric.statusCode()).isEqualTo(404);
        assertThat(errorCode(numeric)).isEqualTo("not_found");
        assertThat(text.statusCode()).isEqualTo(404);
    }

    @Test
    void openApiDocumentDescribesTheApi() {
        Http http = new Http(base);

        HttpResponse<String> response = http.send(http.request("/openapi").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/api/subscription_types").contains("/api/subscription_types/{id}/put_live");
        assertThat(response.body()).doesNotContain("/admin/subscriptions");
    }

    @Test
    void readinessReportsTheDatabase() {
        Http http = new Http(base);

        HttpResponse<String> response = http.send(http.request("/health/ready").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"database\"").contains("\"UP\"");
    }

    private JsonObject create(String body) {
        HttpResponse<String> response = api.post("/api/subscription_types", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private String state(String id) {
        return Http.json(api.get("/api/subscription_types/" + id)).getString("state");
    }

    static String smsOptIn(String name, String description) {
        return "{\"content_types\":[\"sms_message\"],\"consent_type\":\"opt_in\",\"default_translation\":"
                + "{\"name\":\"" + name + "\",\"description\":\"" + description + "\",\"locale\":\"en\"}}";
    }

    private static String errorCode(HttpResponse<String> response) {
        return Http.json(response).getJsonArray("errors").getJsonObject(0).getString("code");
    }

    private static String errorField(HttpResponse<String> response) {
        return Http.json(response).getJsonArray("errors").getJsonObject(0).getString("field", null);
    }

    private static String errorMessage(HttpResponse<String> response) {
        return Http.json(response).getJsonArray("errors").getJsonObject(0).getString("message");
    }
}
