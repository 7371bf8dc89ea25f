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
import org.optline.it.support.OpenApiDocument;
import org.optline.it.support.OptlineDeployment;
import org.optline.it.support.Poll;
import org.optline.it.support.TestCredentials;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document at {@code /openapi} against the API it describes. Each documented response schema
 * is compared with live responses of its endpoint, so the test fails when the code or the document
 * changes without the other.
 */
@ExtendWith(ArquillianExtension.class)
class OpenApiIT {

    /** The public API, as {@code "METHOD path"}: exactly what the document must list. */
    private static final Set<String> PUBLIC_OPERATIONS = Set.of(
            "GET /api/subscription_types", "POST /api/subscription_types", "GET /api/subscription_types/{id}",
            "PUT /api/subscription_types/{id}", "POST /api/subscription_types/{id}/put_live",
            "POST /api/subscription_types/{id}/archive",
            "GET /api/contacts", "POST /api/contacts", "POST /api/contacts/search", "GET /api/contacts/{id}",
            "PUT /api/contacts/{id}", "DELETE /api/contacts/{id}",
            "GET /api/contacts/{id}/subscriptions", "POST /api/contacts/{id}/subscriptions",
            "DELETE /api/contacts/{id}/subscriptions/{subscriptionId}",
            "GET /api/contacts/{id}/consent_events", "GET /api/contacts/{id}/consent_chain",
            "GET /api/bulk_consent_jobs", "POST /api/bulk_consent_jobs", "GET /api/bulk_consent_jobs/{id}",
            "GET /api/bulk_consent_jobs/{id}/items");

    /**
     * Documented response properties that no call of the public API can produce, by schema: conversation,
     * message and shown texts come only from SMS, forms and the preference center, keyword and inbound
     * text only from a customer's text message (InboundSmsIT reads them from this endpoint), a failed job
     * needs a broken database, and a problem needs a tampered consent chain.
     */
    private static final Map<String, Set<String>> UNREACHABLE_PROPERTIES = Map.of(
            "ConsentEvent", Set.of("conversation_id", "message_id", "shown_text", "keyword", "inbound_sms_id"),
            "BulkConsentJob", Set.of("failure"),
            "ConsentChainVerification", Set.of("problem"));

    /** Documented response schemas that only the unreachable properties above use. */
    private static final Set<String> UNREACHABLE_SCHEMAS = Set.of("ShownText");

    private static final String JSON = "application/json";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return OptlineDeployment.packagedWar();
    }

    @ArquillianResource
    URL deployment;

    private URI base;
    private ApiClient api;

    @BeforeEach
    void connect() {
        base = LocalOptline.base(deployment);
        api = new ApiClient(base, TestCredentials.apiToken());
    }

    @Test
    void documentIsJsonWhenAskedFor() {
        Http http = new Http(base);

        HttpResponse<String> byHeader = http.send(http.request("/openapi").header("Accept", JSON).GET().build());
        HttpResponse<String> byQuery = http.send(http.request("/openapi?format=JSON").GET().build());
        HttpResponse<String> plain = http.send(http.request("/openapi").GET().build());

        assertThat(byHeader.statusCode()).isEqualTo(200);
        assertThat(byHeader.headers().firstValue("Content-Type").orElse("")).startsWith(JSON);
        assertThat(Http.json(byHeader).getString("openapi")).startsWith("3.1");
        assertThat(byQuery.headers().firstValue("Content-Type").orElse("")).startsWith(JSON);
        assertThat(plain.body()).startsWith("openapi: 3.1");
    }

    @Test
    void documentListsExactlyPublicApi() {
        OpenApiDocument document = document();

        assertThat(document.operations()).isEqualTo(new TreeSet<>(PUBLIC_OPERATIONS));
        assertThat(document.json().getJsonObject("paths").keySet()).noneMatch(path -> path.startsWith("/admin"));
        assertThat(document.schemas().keySet()).doesNotContain("Page", "StandalonePage");
    }

    @Test
    void everyReferenceNamesSchema() {
        OpenApiDocument document = document();
        JsonObject components = document.json().getJsonObject("components");

        List<String> dangling = document.references().stream()
                .filter(ref -> !resolves(components, ref))
                .toList();

        assertThat(document.references()).isNotEmpty();
        assertThat(dangling).isEmpty();
    }

    @Test
    void operationIdsAreUnique() {
        OpenApiDocument document = document();

        List<String> ids = document.operations().stream()
                .map(operation -> document.operation(operation).getString("operationId", operation))
                .toList();

        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids).allMatch(id -> !id.contains(" "), "set by @Operation(operationId)");
    }

    @Test
    void requestBodiesAreDocumentedObjects() {
        OpenApiDocument document = document();
        Map<String, Set<String>> expected = Map.of(
                "POST /api/subscription_types", Set.of("content_types", "message_type", "consent_type",
                        "default_translation", "translations", "double_opt_in"),
                "PUT /api/subscription_types/{id}", Set.of("default_translation", "translations", "content_types",
                        "message_type", "consent_type", "state", "double_opt_in"),
                "POST /api/contacts", Set.of("role", "external_id", "email", "phone", "name", "avatar", "owner_id",
                        "language_override", "unsubscribed_from_emails", "custom_attributes", "signed_up_at",
                        "last_seen_at"),
                "PUT /api/contacts/{id}", Set.of("role", "external_id", "email", "phone", "name", "avatar",
                        "owner_id", "language_override", "unsubscribed_from_emails", "custom_attributes",
                        "signed_up_at", "last_seen_at"),
                "POST /api/contacts/search", Set.of("query", "pagination"),
                "POST /api/contacts/{id}/subscriptions", Set.of("id", "consent_type", "override_reason"),
                "POST /api/bulk_consent_jobs", Set.of("subscription_type_id", "action", "contact_ids", "query",
                        "override_reason", "expected_count"));

        for (Map.Entry<String, Set<String>> entry : expected.entrySet()) {
            JsonObject body = document.operation(entry.getKey()).getJsonObject("requestBody");
            JsonObject media = body.getJsonObject("content").getJsonObject(JSON);
            JsonObject schema = document.schemas().getJsonObject(
                    OpenApiDocument.referencedName(media.getJsonObject("schema")).orElseThrow());

            assertThat(body.getJsonObject("content").keySet()).as(entry.getKey()).containsExactly(JSON);
            assertThat(schema.getString("type")).as(entry.getKey()).isEqualTo("object");
            assertThat(schema.getJsonObject("properties").keySet()).as(entry.getKey()).isEqualTo(entry.getValue());
            assertThat(media.getJsonObject("example").keySet()).as(entry.getKey() + " example")
                    .isSubsetOf(entry.getValue());
        }
        assertThat(requestBodyOperations(document)).isEqualTo(expected.keySet());
    }

    @Test
    void clientErrorsUseErrorList() {
        OpenApiDocument document = document();
        List<String> withoutErrorList = new ArrayList<>();
        List<String> withoutUnauthorized = new ArrayList<>();

        for (String operation : document.operations()) {
            JsonObject responses = document.operation(operation).getJsonObject("responses");
            if (!responses.containsKey("401")) {
                withoutUnauthorized.add(operation);
            }
            for (String status : responses.keySet()) {
                boolean errorList = document.responseSchema(operation, status, JSON)
                        .flatMap(OpenApiDocument::referencedName).filter("ErrorList"::equals).isPresent();
                if (status.startsWith("4") && !errorList) {
                    withoutErrorList.add(operation + " " + status);
                }
            }
        }

        assertThat(withoutUnauthorized).isEmpty();
        assertThat(withoutErrorList).isEmpty();
    }

    @Test
    void liveErrorsMatchErrorList() {
        OpenApiDocument document = document();
        JsonObject errorList = document.schemas().getJsonObject("ErrorList");
        String email = "openapi-" + UUID.randomUUID() + "@example.com";
        api.post("/api/contacts", "{\"email\": \"" + email + "\"}");

        Map<String, HttpResponse<String>> errors = new TreeMap<>();
        errors.put("400", api.post("/api/contacts", "{\"email\": \"not an address\"}"));
        errors.put("401", new ApiClient(base, "opl_" + UUID.randomUUID()).get("/api/contacts"));
        errors.put("404", api.get("/api/contacts/987654321"));
        errors.put("409", api.post("/api/contacts", "{\"email\": \"" + email + "\"}"));

        for (Map.Entry<String, HttpResponse<String>> error : errors.entrySet()) {
            assertThat(error.getValue().statusCode()).as(error.getKey()).isEqualTo(Integer.parseInt(error.getKey()));
            assertThat(document.check(Http.json(error.getValue()), errorList, error.getKey())).isEmpty();
        }
        assertThat(document.seenProperties().get("Error")).containsExactlyInAnyOrder("code", "message", "field");
    }

    @Test
    void liveResponsesMatchDocumentedSchemas() {
        OpenApiDocument document = document();
        Map<String, List<JsonObject>> samples = new LiveSamples(api).collect();
        List<String> problems = new ArrayList<>();

        for (Map.Entry<String, List<JsonObject>> entry : samples.entrySet()) {
            JsonObject schema = document.responseSchema(entry.getKey(), "200", JSON).orElse(null);
            if (schema == null) {
                problems.add(entry.getKey() + ": no documented 200 response in " + JSON);
                continue;
            }
            for (JsonObject sample : entry.getValue()) {
                problems.addAll(document.check(sample, schema, entry.getKey()));
            }
        }

        assertThat(samples.keySet()).isEqualTo(PUBLIC_OPERATIONS);
        assertThat(problems).isEmpty();
        assertThat(unseenProperties(document)).isEmpty();
    }

    /**
     * Returns, by response schema, the documented properties that no live response contained, leaving out
     * those that the public API cannot produce.
     */
    private static Map<String, Set<String>> unseenProperties(OpenApiDocument document) {
        Set<String> responseSchemas = new TreeSet<>();
        for (String operation : document.operations()) {
            document.responseSchema(operation, "200", JSON)
                    .ifPresent(schema -> responseSchemas.addAll(document.reachableSchemas(schema)));
        }
        Map<String, Set<String>> unseen = new TreeMap<>();
        for (String name : responseSchemas) {
            if (UNREACHABLE_SCHEMAS.contains(name)) {
                continue;
            }
            Set<String> missing = new TreeSet<>(document.schemas().getJsonObject(name).getJsonObject("properties").keySet());
            missing.removeAll(document.seenProperties().getOrDefault(name, Set.of()));
            missing.removeAll(UNREACHABLE_PROPERTIES.getOrDefault(name, Set.of()));
            if (!missing.isEmpty()) {
                unseen.put(name, missing);
            }
        }
        return unseen;
    }

    private static Set<String> requestBodyOperations(OpenApiDocument document) {
        Set<String> operations = new TreeSet<>();
        for (String operation : document.operations()) {
            if (document.operation(operation).containsKey("requestBody")) {
                operations.add(operation);
            }
        }
        return operations;
    }

    private static boolean resolves(JsonObject components, String ref) {
        String[] parts = ref.split("/");
        if (parts.length != 4 || !parts[0].equals("#") || !parts[1].equals("components")) {
            return false;
        }
        JsonObject section = components.getJsonObject(parts[2]);
        return section != null && section.containsKey(parts[3]);
    }

    private OpenApiDocument document() {
        Http http = new Http(base);
        HttpResponse<String> response = http.send(http.request("/openapi").header("Accept", JSON).GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new OpenApiDocument(Http.json(response));
    }

    /**
     * Calls every public endpoint with data that makes as many optional fields appear as the API allows,
     * and keeps each JSON response under its {@code "METHOD path"}.
     */
    private static final class LiveSamples {

        private final ApiClient api;
        private final Map<String, List<JsonObject>> samples = new TreeMap<>();
        private final String run = UUID.randomUUID().toString().substring(0, 8);

        LiveSamples(ApiClient api) {
            this.api = api;
        }

        Map<String, List<JsonObject>> collect() {
            String typeId = subscriptionTypes();
            String withPhone = contacts();
            contactSubscriptions(withPhone, typeId);
            bulkJobs(withPhone, typeId);
            return samples;
        }

        /** Creates, rewords, puts live and archives types; returns a live SMS opt-in type. */
        private String subscriptionTypes() {
            String type = keep("POST /api/subscription_types", api.post("/api/subscription_types", "{\"content_types\": "
                    + "[\"sms_message\"], \"consent_type\": \"opt_in\", \"default_translation\": {\"name\": \"Deals "
                    + run + "\", \"description\": \"Weekly offers\", \"locale\": \"en\"}, \"translations\": "
                    + "[{\"name\": \"Offres " + run + "\", \"locale\": \"fr\"}]}")).getString("id");
            keep("GET /api/subscription_types/{id}", api.get("/api/subscription_types/" + type));
            keep("PUT /api/subscription_types/{id}", api.put("/api/subscription_types/" + type,
                    "{\"default_translation\": {\"name\": \"Weekly deals " + run + "\", \"locale\": \"en\"}}", null));
            keep("POST /api/subscription_types/{id}/put_live", api.post("/api/subscription_types/" + type + "/put_live", ""));
            String other = Http.json(api.post("/api/subscription_types", "{\"content_types\": [\"email\"], "
                    + "\"consent_type\": \"opt_out\", \"default_translation\": {\"name\": \"News " + run + "\"}}"))
                    .getString("id");
            keep("POST /api/subscription_types/{id}/archive", api.post("/api/subscription_types/" + other + "/archive", ""));
            keep("GET /api/subscription_types", api.get("/api/subscription_types"));
            return type;
        }

        /** Creates, changes, lists, searches and deletes contacts; returns one with a mobile number. */
        private String contacts() {
            String full = keep("POST /api/contacts", api.post("/api/contacts", "{\"role\": \"user\", \"external_id\": "
                    + "\"oa-" + run + "\", \"email\": \"full-" + run + "@example.com\", \"phone\": \"+1 (201) 555-0142\", \"name\": \"Full " + run + "\", \"avatar\": \"https://example.com/a.png\", \"owner_id\": 7, "
                    + "\"language_override\": \"en\", \"signed_up_at\": 1735689600, \"last_seen_at\": 1735689700, "
                    + "\"custom_attributes\": {\"run\": \"" + run + "\"}}")).getString("id");
            keep("POST /api/contacts", api.post("/api/contacts", "{\"role\": \"lead\", \"custom_attributes\": {\"run\": \""
                    + run + "\"}}"));
            keep("GET /api/contacts/{id}", api.get("/api/contacts/" + full));
            keep("PUT /api/contacts/{id}", api.put("/api/contacts/" + full, "{\"name\": \"Changed " + run + "\"}", null));
            keep("GET /api/contacts", api.get("/api/contacts?per_page=1"));
            keep("POST /api/contacts/search", api.post("/api/contacts/search", "{\"query\": {\"field\": "
                    + "\"custom_attributes.run\", \"operator\": \"=\", \"value\": \"" + run + "\"}, "
                    + "\"pagination\": {\"per_page\": 1}}"));
            String gone = Http.json(api.post("/api/contacts", "{\"external_id\": \"gone-" + run + "\"}")).getString("id");
            keep("DELETE /api/contacts/{id}", api.send(api.http().request("/api/contacts/" + gone).DELETE()));
            return full;
        }

        private void contactSubscriptions(String contact, String type) {
            String path = "/api/contacts/" + contact + "/subscriptions";
            keep("POST /api/contacts/{id}/subscriptions", api.post(path, "{\"id\": \"" + type + "\"}"));
            keep("GET /api/contacts/{id}/subscriptions", api.get(path));
            keep("DELETE /api/contacts/{id}/subscriptions/{subscriptionId}",
                    api.send(api.http().request(path + "/" + type).DELETE()));
            // An operator opt-in with a reason records the reason in the event.
            keep("POST /api/contacts/{id}/subscriptions", api.post(path, "{\"id\": " + type
                    + ", \"override_reason\": \"Asked us by phone " + run + "\"}"));
        }

        /** Runs a job over listed contacts, one of them without a phone and so refused, and one over a search. */
        private void bulkJobs(String withPhone, String type) {
            String withoutPhone = Http.json(api.post("/api/contacts", "{\"email\": \"nophone-" + run
                    + "@example.com\"}")).getString("id");
            String listed = keep("POST /api/bulk_consent_jobs", api.post("/api/bulk_consent_jobs", "{\"subscription_type_id\": \""
                    + type + "\", \"action\": \"opt_out\", \"contact_ids\": [\"" + withPhone + "\"]}")).getString("id");
            finished(listed);
            String refused = Http.json(api.post("/api/bulk_consent_jobs", "{\"subscription_type_id\": \"" + type
                    + "\", \"action\": \"opt_in\", \"contact_ids\": [\"" + withPhone + "\", \"" + withoutPhone
                    + "\"], \"override_reason\": \"Confirmed on the phone " + run + "\"}")).getString("id");
            finished(refused);
            keep("POST /api/bulk_consent_jobs", api.post("/api/bulk_consent_jobs", "{\"subscription_type_id\": \"" + type
                    + "\", \"action\": \"opt_out\", \"query\": {\"field\": \"custom_attributes.run\", \"operator\": "
                    + "\"=\", \"value\": \"" + run + "\"}}"));
            keep("GET /api/bulk_consent_jobs/{id}/items", api.get("/api/bulk_consent_jobs/" + refused + "/items"));
            keep("GET /api/bulk_consent_jobs", api.get("/api/bulk_consent_jobs"));
            keep("GET /api/contacts/{id}/consent_events", api.get("/api/contacts/" + withPhone + "/consent_events"));
            keep("GET /api/contacts/{id}/consent_chain", api.get("/api/contacts/" + withPhone + "/consent_chain"));
        }

        /** Waits until the job is done and keeps its final state, which has every time set. */
        private void finished(String job) {
            HttpResponse<String> done = Poll.until("bulk job " + job + " to finish", Duration.ofSeconds(60),
                    () -> api.get("/api/bulk_consent_jobs/" + job),
                    response -> Http.json(response).getString("state").equals("done"));
            keep("GET /api/bulk_consent_jobs/{id}", done);
        }

        private JsonObject keep(String operation, HttpResponse<String> response) {
            assertThat(response.statusCode()).as(operation + ": " + response.body()).isEqualTo(200);
            JsonObject json = Http.json(response);
            samples.computeIfAbsent(operation, key -> new ArrayList<>()).add(json);
            return json;
        }
    }
}
