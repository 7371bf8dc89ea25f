package org.optline.it.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import org.optline.it.support.PageSession;
import org.optline.it.support.TestCredentials;
import org.optline.it.support.TestDatabase;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contacts API on Payara Micro against MariaDB, called as an integrator calls it. Phone numbers
 * without a country code are read in the default country that the migrations set, US.
 */
@ExtendWith(ArquillianExtension.class)
class ContactsApiIT {

    /** The maximum number of pages a test walks before it fails, so that a paging bug cannot loop forever. */
    private static final int MAX_PAGES = 1000;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return OptlineDeployment.packagedWar();
    }

    @ArquillianResource
    URL deployment;

    private ApiClient api;
    private URI base;
    /** A value unique to each test, put into emails and custom attributes to find the test's own contacts. */
    private String run;

    @BeforeEach
    void connect() {
        base = LocalOptline.base(deployment);
        api = new ApiClient(base, TestCredentials.apiToken());
        run = UUID.randomUUID().toString();
    }

    // Create, find, update, delete

    @Test
    void createReturnsIntercomContact() {
        HttpResponse<String> response = api.post("/api/contacts", """
                {"role": "lead", "external_id": "crm-%1$s", "email": "Ann.%1$s@Example.com", "phone": "+1 201 555 0142",
                 "name": "Ann Lee", "avatar": "https://example.com/ann.png", "owner_id": 7, "signed_up_at": 1735689600,
                 "last_seen_at": 1735776000, "unsubscribed_from_emails": true, "language_override": "pt-BR",
                 "custom_attributes": {"plan": "pro", "seats": 3, "trial": false}}""".formatted(run));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject contact = Http.json(response);
        assertThat(contact.getString("type")).isEqualTo("contact");
        assertThat(contact.getString("id")).matches("[1-9][0-9]*");
        assertThat(contact.getString("workspace_id")).isEqualTo("optline");
        assertThat(contact.getString("role")).isEqualTo("lead");
        assertThat(contact.getString("external_id")).isEqualTo("crm-" + run);
        assertThat(contact.getString("email")).isEqualTo("ann." + run + "@example.com");
        assertThat(contact.getString("email_domain")).isEqualTo("example.com");
        assertThat(contact.getString("phone")).isEqualTo("+12015550142");
        assertThat(contact.getString("phone_line_type")).isEqualTo("fixed_line_or_mobile");
        assertThat(contact.getBoolean("sms_capable")).isTrue();
        assertThat(contact.getString("name")).isEqualTo("Ann Lee");
        assertThat(contact.getString("avatar")).isEqualTo("https://example.com/ann.png");
        assertThat(contact.getJsonNumber("owner_id").longValue()).isEqualTo(7);
        assertThat(contact.getJsonNumber("signed_up_at").longValue()).isEqualTo(1735689600L);
        assertThat(contact.getJsonNumber("last_seen_at").longValue()).isEqualTo(1735776000L);
        assertThat(contact.getJsonNumber("created_at").longValue()).isGreaterThan(1735689600L);
        assertThat(contact.getJsonNumber("updated_at").longValue()).isEqualTo(contact.getJsonNumber("created_at").longValue());
        assertThat(contact.getBoolean("unsubscribed_from_emails")).isTrue();
        assertThat(contact.getString("language_override")).isEqualTo("pt-BR");
        assertThat(contact.getJsonObject("custom_attributes").getString("plan")).isEqualTo("pro");
        assertThat(contact.getJsonObject("custom_attributes").getInt("seats")).isEqualTo(3);
        assertThat(contact.getJsonObject("custom_attributes").getBoolean("trial")).isFalse();
        for (String list : List.of("tags", "notes", "companies")) {
            JsonObject attached = contact.getJsonObject(list);
            assertThat(attached.getString("type")).as(list).isEqualTo("list");
            assertThat(attached.getJsonArray("data")).as(list).isEmpty();
            assertThat(attached.getInt("total_count")).as(list).isZero();
            assertThat(attached.getBoolean("has_more")).as(list).isFalse();
            assertThat(attached.getString("url")).as(list).endsWith("/" + contact.getString("id") + "/" + list);
        }
        assertThat(response.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void absentFieldsAreNullAndRoleIsUser() {
        JsonObject contact = create("{\"email\": \"plain." + run + "@example.com\"}");

        assertThat(contact.getString("role")).isEqualTo("user");
        for (String field : List.of("external_id", "phone", "phone_line_type", "name", "avatar", "owner_id",
                "signed_up_at", "last_seen_at")) {
            assertThat(contact.get(field)).as(field).isEqualTo(JsonValue.NULL);
        }
        assertThat(contact.getBoolean("sms_capable")).isFalse();
        assertThat(contact.getJsonObject("custom_attributes")).isEmpty();
    }

    @Test
    void findReturnsStoredContact() {
        JsonObject created = create("{\"email\": \"find." + run + "@example.com\", \"name\": \"Finn\"}");

        HttpResponse<String> response = api.get("/api/contacts/" + created.getString("id"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response)).isEqualTo(created);
        assertThat(response.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void unknownContactIsNotFound() {
        HttpResponse<String> numeric = api.get("/api/contacts/987654321");
        HttpResponse<String> text = api.get("/api/contacts/abc");

        assertThat(numeric.statusCode()).isEqualTo(404);
        assertThat(errorCode(numeric)).isEqualTo("not_found");
        assertThat(errorMessage(numeric)).contains("987654321");
        assertThat(text.statusCode()).isEqualTo(404);
    }

    @Test
    void updateChangesOnlySentFields() {
        HttpResponse<String> createdResponse = api.post("/api/contacts", """
                {"email": "upd.%s@example.com", "name": "Before", "phone": "+1 201 555 0142",
                 "custom_attributes": {"plan": "pro", "seats": 3}}""".formatted(run));
        JsonObject created = Http.json(createdResponse);
        String id = created.getString("id");

        HttpResponse<String> response = api.put("/api/contacts/" + id,
                "{\"name\": \"After\", \"phone\": null, \"custom_attributes\": {\"plan\": null, \"city\": \"Paris\"}}", null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject stored = Http.json(api.get("/api/contacts/" + id));
        assertThat(stored.getString("name")).isEqualTo("After");
        assertThat(stored.getString("email")).isEqualTo("upd." + run + "@example.com");
        assertThat(stored.get("phone")).isEqualTo(JsonValue.NULL);
        assertThat(stored.getJsonObject("custom_attributes")).doesNotContainKey("plan");
        assertThat(stored.getJsonObject("custom_attributes").getInt("seats")).isEqualTo(3);
        assertThat(stored.getJsonObject("custom_attributes").getString("city")).isEqualTo("Paris");
        assertThat(response.headers().firstValue("ETag")).isNotEqualTo(createdResponse.headers().firstValue("ETag"));
    }

    @Test
    void staleIfMatchIsConflictAndSavesNothing() {
        HttpResponse<String> createdResponse = api.post("/api/contacts", "{\"email\": \"race." + run + "@example.com\"}");
        String id = Http.json(createdResponse).getString("id");
        String etag = createdResponse.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> first = api.put("/api/contacts/" + id, "{\"name\": \"First admin\"}", etag);

        HttpResponse<String> second = api.put("/api/contacts/" + id, "{\"name\": \"Second admin\"}", etag);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(errorCode(second)).isEqualTo("conflict");
        assertThat(errorMessage(second)).contains("changed by someone else");
        assertThat(Http.json(api.get("/api/contacts/" + id)).getString("name")).isEqualTo("First admin");
    }

    @Test
    void currentIfMatchIsAccepted() {
        String id = create("{\"email\": \"match." + run + "@example.com\"}").getString("id");
        String etag = api.get("/api/contacts/" + id).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> response = api.put("/api/contacts/" + id, "{\"name\": \"Matched\"}", etag);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Http.json(response).getString("name")).isEqualTo("Matched");
    }

    @Test
    void deletedContactIsGoneEverywhere() {
        JsonObject created = create("{\"email\": \"gone." + run + "@example.com\", \"external_id\": \"gone-" + run + "\"}");
        String id = created.getString("id");

        HttpResponse<String> response = delete("/api/contacts/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject deleted = Http.json(response);
        assertThat(deleted.getString("type")).isEqualTo("contact");
        assertThat(deleted.getString("id")).isEqualTo(id);
        assertThat(deleted.getString("external_id")).isEqualTo("gone-" + run);
        assertThat(deleted.getBoolean("deleted")).isTrue();
        assertThat(api.get("/api/contacts/" + id).statusCode()).isEqualTo(404);
        assertThat(api.put("/api/contacts/" + id, "{\"name\": \"Ghost\"}", null).statusCode()).isEqualTo(404);
        assertThat(delete("/api/contacts/" + id).statusCode()).isEqualTo(404);
        assertThat(ids(search(filter("email", "=", "gone." + run + "@example.com"), 50, null))).isEmpty();
        assertThat(walkList(150)).doesNotContain(id);
    }

    @Test
    void emailAndExternalIdAreFreeAfterDelete() {
        String body = "{\"email\": \"again." + run + "@example.com\", \"external_id\": \"again-" + run + "\"}";
        String first = create(body).getString("id");
        delete("/api/contacts/" + first);

        HttpResponse<String> response = api.post("/api/contacts", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String second = Http.json(response).getString("id");
        assertThat(second).isNotEqualTo(first);
        assertThat(ids(search(filter("email", "=", "again." + run + "@example.com"), 50, null))).containsExactly(second);
    }

    // Phone numbers

    @Test
    void threeSpellingsAreOneNumber() {
        List<String> spellings = List.of("+1 (201) 555-0142", "201.555.0142", "12015550142");
        List<String> mine = new ArrayList<>();
        for (String spelling : spellings) {
            JsonObject contact = create(body(Map.of("email", mine.size() + "." + run + "@example.com", "phone", spelling)));
            assertThat(contact.getString("phone")).as(spelling).isEqualTo("+12015550142");
            mine.add(contact.getString("id"));
        }
        String other = create(body(Map.of("email", "other." + run + "@example.com", "phone", "+1 201 555 0199")))
                .getString("id");
        List<String> candidates = new ArrayList<>(mine);
        candidates.add(other);

        for (String spelling : spellings) {
            String query = group("AND", filter("phone", "=", spelling), filter("id", "IN", candidates));
            assertThat(ids(search(query, 50, null))).as("phone = %s", spelling).containsExactlyElementsOf(mine);
        }
    }

    @Test
    void ukNumberWithEitherPrefixIsFixedLine() {
        for (String spelling : List.of("0044 20 7946 0958", "+44 20 7946 0958")) {
            JsonObject contact = create(body(Map.of("email", spelling.length() + "." + run + "@example.com", "phone", spelling)));

            assertThat(contact.getString("phone")).as(spelling).isEqualTo("+442079460958");
            assertThat(contact.getString("phone_line_type")).as(spelling).isEqualTo("fixed_line");
            assertThat(contact.getBoolean("sms_capable")).as(spelling).isFalse();
        }
    }

    @Test
    void landlineCannotOptInToSms() {
        String contact = create(body(Map.of("email", "landline." + run + "@example.com", "phone", "+44 20 7946 0958")))
                .getString("id");
        String type = liveSmsOptIn();

        HttpResponse<String> response = api.post("/api/contacts/" + contact + "/subscriptions", "{\"id\": \"" + type + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorField(response)).isEqualTo("phone");
        assertThat(errorMessage(response)).contains("fixed line").contains("cannot take texts");
        assertThat(subscriptionState(contact, type)).isEqualTo("not_set");
    }

    @Test
    void invalidPhoneIsRejectedAndNothingStored() {
        String email = "badphone." + run + "@example.com";

        HttpResponse<String> response = api.post("/api/contacts", body(Map.of("email", email, "phone", "555-01")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorCode(response)).isEqualTo("parameter_invalid");
        assertThat(errorField(response)).isEqualTo("phone");
        assertThat(errorMessage(response)).contains("'555-01'").contains("not a valid phone number");
        assertThat(ids(search(filter("email", "=", email), 50, null))).isEmpty();
    }

    @Test
    void invalidPhoneInUpdateKeepsStoredNumber() {
        String id = create(body(Map.of("email", "keep." + run + "@example.com", "phone", "+1 201 555 0142"))).getString("id");

        HttpResponse<String> response = api.put("/api/contacts/" + id, "{\"phone\": \"+1 999\", \"name\": \"Lost\"}", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorMessage(response)).contains("'+1 999'");
        JsonObject stored = Http.json(api.get("/api/contacts/" + id));
        assertThat(stored.getString("phone")).isEqualTo("+12015550142");
        assertThat(stored.get("name")).isEqualTo(JsonValue.NULL);
    }

    // Names stored by other writers

    /**
     * A row can hold a line type that this version does not know, such as one a newer version wrote during
     * a rolling update, or another spelling of a known name, written before the database rejected them
     * (V25). CHECK constraints are turned off to write such rows. Every read must still work, and the
     * unknown line type must count as no line type, which never takes SMS consent.
     */
    @Test
    void unreadableStoredNamesStillList() {
        String unknownEmail = "satellite." + run + "@example.com";
        String unknown = create(body(Map.of("email", unknownEmail, "phone", "+1 201 555 0142"))).getString("id");
        String lowerCase = create(body(Map.of("email", "lower." + run + "@example.com", "role", "lead",
                "phone", "+1 201 555 0143"))).getString("id");
        String type = liveSmsOptIn();
        try {
            executeUnchecked("UPDATE contact SET phone_type = 'SATELLITE' WHERE id = " + unknown);
            executeUnchecked("UPDATE contact SET role = 'lead', phone_type = 'mobile' WHERE id = " + lowerCase);

            HttpResponse<String> found = api.get("/api/contacts/" + unknown);
            assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
            assertThat(Http.json(found).get("phone_line_type")).isEqualTo(JsonValue.NULL);
            assertThat(Http.json(found).getBoolean("sms_capable")).isFalse();

            List<JsonObject> searched = search(filter("id", "IN", List.of(unknown, lowerCase)), 50, null)
                    .getJsonArray("data").getValuesAs(JsonObject.class);
            assertThat(searched).extracting(contact -> contact.getString("id")).containsExactly(unknown, lowerCase);
            assertThat(searched.get(1).getString("role")).isEqualTo("lead");
            assertThat(searched.get(1).getString("phone_line_type")).isEqualTo("mobile");
            assertThat(walkList(150)).contains(unknown, lowerCase);

            PageSession admin = PageSession.signedInAdmin(base);
            HttpResponse<String> list = admin.htmxGet("/admin/contacts/list?q=" + URLEncoder.encode(unknownEmail,
                    StandardCharsets.UTF_8));
            assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
            assertThat(list.body()).contains(unknownEmail).contains("1 contact matches");
            HttpResponse<String> profile = admin.get("/admin/contacts/" + unknown);
            assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);

            HttpResponse<String> attached = api.post("/api/contacts/" + unknown + "/subscriptions",
                    "{\"id\": \"" + type + "\"}");
            assertThat(attached.statusCode()).as(attached.body()).isEqualTo(400);
            assertThat(errorMessage(attached)).contains("no known line type");
            assertThat(subscriptionState(unknown, type)).isEqualTo("not_set");
        } finally {
            // Later tests list every contact, so the rows get back the names they were created with.
            executeUnchecked("UPDATE contact SET phone_type = 'FIXED_LINE_OR_MOBILE' WHERE id = " + unknown);
            executeUnchecked("UPDATE contact SET role = 'LEAD', phone_type = 'FIXED_LINE_OR_MOBILE' WHERE id = "
                    + lowerCase);
        }
    }

    @Test
    void databaseRejectsOtherSpellings() {
        String id = create(body(Map.of("email", "spelling." + run + "@example.com", "phone", "+1 201 555 0144")))
                .getString("id");
        Map<String, String> constraintByChange = new LinkedHashMap<>();
        constraintByChange.put("phone_type = 'SATELLITE'", "ck_contact_phone_type");
        constraintByChange.put("phone_type = 'mobile'", "ck_contact_phone_type");
        constraintByChange.put("phone_type = 'MOBILE '", "ck_contact_phone_type");
        constraintByChange.put("role = 'lead'", "ck_contact_role");
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            constraintByChange.forEach((change, constraint) -> assertThatThrownBy(
                    () -> statement.executeUpdate("UPDATE contact SET " + change + " WHERE id = " + id))
                    .as("SET %s", change).isInstanceOf(SQLException.class).hasMessageContaining(constraint));
        } catch (SQLException e) {
            throw new IllegalStateException("Connecting to the test database failed: " + e.getMessage(), e);
        } finally {
            executeUnchecked("UPDATE contact SET role = 'USER', phone_type = 'FIXED_LINE_OR_MOBILE' WHERE id = " + id);
        }
        JsonObject stored = Http.json(api.get("/api/contacts/" + id));
        assertThat(stored.getString("role")).isEqualTo("user");
        assertThat(stored.getString("phone_line_type")).isEqualTo("fixed_line_or_mobile");
    }

    // Uniqueness

    @Test
    void duplicateEmailIsConflictNamingExisting() {
        String existing = create("{\"email\": \"dup." + run + "@example.com\"}").getString("id");

        HttpResponse<String> response = api.post("/api/contacts", "{\"email\": \"DUP." + run + "@Example.com\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(errorCode(response)).isEqualTo("conflict");
        assertThat(errorMessage(response)).contains("already exists with id=" + existing);
        assertThat(errorField(response)).isEqualTo("email");
        assertThat(ids(search(filter("email", "=", "dup." + run + "@example.com"), 50, null))).containsExactly(existing);
    }

    @Test
    void duplicateExternalIdIsConflictNamingExisting() {
        String existing = create("{\"external_id\": \"ext-" + run + "\"}").getString("id");

        HttpResponse<String> response = api.post("/api/contacts",
                "{\"external_id\": \"ext-" + run + "\", \"email\": \"ext." + run + "@example.com\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(errorCode(response)).isEqualTo("conflict");
        assertThat(errorMessage(response)).contains("already exists with id=" + existing);
        assertThat(errorField(response)).isEqualTo("external_id");
        assertThat(ids(search(filter("email", "=", "ext." + run + "@example.com"), 50, null))).isEmpty();
    }

    @Test
    void updateToTakenEmailIsConflict() {
        String taken = create("{\"email\": \"taken." + run + "@example.com\"}").getString("id");
        String other = create("{\"email\": \"free." + run + "@example.com\"}").getString("id");

        HttpResponse<String> response = api.put("/api/contacts/" + other, "{\"email\": \"taken." + run + "@example.com\"}", null);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(errorMessage(response)).contains("already exists with id=" + taken);
        assertThat(Http.json(api.get("/api/contacts/" + other)).getString("email")).isEqualTo("free." + run + "@example.com");
    }

    // Request checks

    @Test
    void wrongTypesAreRejectedNamingField() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("email", "{\"email\": 5}");
        bodies.put("phone", "{\"phone\": 12015550142}");
        bodies.put("role", "{\"role\": \"admin\"}");
        bodies.put("owner_id", "{\"email\": \"o." + run + "@example.com\", \"owner_id\": \"seven\"}");
        bodies.put("signed_up_at", "{\"email\": \"s." + run + "@example.com\", \"signed_up_at\": \"yesterday\"}");
        bodies.put("unsubscribed_from_emails", "{\"email\": \"u." + run + "@example.com\", \"unsubscribed_from_emails\": \"yes\"}");
        bodies.put("custom_attributes", "{\"email\": \"c." + run + "@example.com\", \"custom_attributes\": \"plan\"}");
        bodies.put("custom_attributes.tags", "{\"email\": \"t." + run + "@example.com\", \"custom_attributes\": {\"tags\": [1]}}");
        bodies.put("body", "{\"email\": ");

        for (Map.Entry<String, String> entry : bodies.entrySet()) {
            HttpResponse<String> response = api.post("/api/contacts", entry.getValue());

            assertThat(response.statusCode()).as(entry.getValue()).isEqualTo(400);
            assertThat(errorField(response)).as(entry.getValue()).isEqualTo(entry.getKey());
        }
        assertThat(ids(search(filter("email", "~", run), 50, null))).isEmpty();
    }

    @Test
    void creationWithoutIdentifyingFieldIsRejected() {
        HttpResponse<String> response = api.post("/api/contacts", "{\"name\": \"Nobody " + run + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorCode(response)).isEqualTo("parameter_not_found");
        assertThat(errorMessage(response)).contains("email, external_id, phone or role");
        assertThat(ids(search(filter("name", "=", "Nobody " + run), 50, null))).isEmpty();
    }

    @Test
    void unknownFieldsAreIgnored() {
        HttpResponse<String> response = api.post("/api/contacts", """
                {"email": "extra.%s@example.com", "enabled_push_messaging": true, "companies": [{"id": "1"}],
                 "location": {"city": "Paris"}}""".formatted(run));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Http.json(response).getString("email")).isEqualTo("extra." + run + "@example.com");
    }

    // Paging

    @Test
    void searchPagesVisitEachContactOnce() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            mine.add(create(tagged("page" + i)).getString("id"));
        }
        String query = filter("custom_attributes.run", "=", run);

        List<String> visited = new ArrayList<>();
        List<JsonObject> pages = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = search(query, 3, cursor);
            pages.add(page);
            visited.addAll(ids(page));
            JsonObject next = page.getJsonObject("pages").getJsonObject("next");
            cursor = next == null ? null : next.getString("starting_after");
        } while (cursor != null && pages.size() < MAX_PAGES);

        assertThat(visited).containsExactlyElementsOf(mine);
        assertThat(pages).hasSize(3);
        for (int i = 0; i < pages.size(); i++) {
            JsonObject page = pages.get(i);
            JsonObject paging = page.getJsonObject("pages");
            assertThat(page.getString("type")).isEqualTo("list");
            assertThat(page.getInt("total_count")).isEqualTo(7);
            assertThat(paging.getString("type")).isEqualTo("pages");
            assertThat(paging.getInt("page")).isEqualTo(i + 1);
            assertThat(paging.getInt("per_page")).isEqualTo(3);
            assertThat(paging.getInt("total_pages")).isEqualTo(3);
        }
        assertThat(pages.get(0).getJsonObject("pages").getJsonObject("next").getInt("per_page")).isEqualTo(3);
        assertThat(pages.get(2).getJsonObject("pages")).doesNotContainKey("next");
        assertThat(pages.get(2).getJsonArray("data")).hasSize(1);
    }

    @Test
    void listWalksAllContactsWithoutRepeats() {
        List<String> mine = List.of(create(tagged("a")).getString("id"), create(tagged("b")).getString("id"));

        List<Long> visited = new ArrayList<>();
        int pageCount = 0;
        long totalCount = -1;
        String cursor = null;
        do {
            String path = "/api/contacts?per_page=7" + (cursor == null ? "" : "&starting_after="
                    + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> response = api.get(path);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonObject page = Http.json(response);
            pageCount++;
            assertThat(page.getJsonObject("pages").getInt("page")).isEqualTo(pageCount);
            totalCount = page.getJsonNumber("total_count").longValue();
            ids(page).forEach(id -> visited.add(Long.parseLong(id)));
            JsonObject next = page.getJsonObject("pages").getJsonObject("next");
            cursor = next == null ? null : next.getString("starting_after");
        } while (cursor != null && pageCount < MAX_PAGES);

        assertThat(visited).isSorted();
        assertThat(new HashSet<>(visited)).hasSameSizeAs(visited);
        assertThat(visited).hasSize((int) totalCount);
        assertThat(pageCount).isEqualTo((int) ((totalCount + 6) / 7));
        assertThat(visited).contains(Long.parseLong(mine.get(0)), Long.parseLong(mine.get(1)));
    }

    @Test
    void badPagingParametersAreRejected() {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("/api/contacts?per_page=151", "per_page");
        paths.put("/api/contacts?per_page=0", "per_page");
        paths.put("/api/contacts?per_page=many", "per_page");
        paths.put("/api/contacts?starting_after=not-a-cursor", "starting_after");

        for (Map.Entry<String, String> entry : paths.entrySet()) {
            HttpResponse<String> response = api.get(entry.getKey());

            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(400);
            assertThat(errorField(response)).as(entry.getKey()).isEqualTo(entry.getValue());
        }
    }

    @Test
    void listDefaultsToFiftyPerPage() {
        HttpResponse<String> response = api.get("/api/contacts");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).getJsonObject("pages").getInt("per_page")).isEqualTo(50);
    }

    // Search

    @Test
    void nestedGroupsCombineConditions() {
        String ann = create(tagged("ann", "\"city\": \"London\", \"score\": 10")).getString("id");
        String bob = create(tagged("bob", "\"city\": \"Paris\", \"score\": 20")).getString("id");
        create(tagged("cat", "\"city\": \"London\", \"score\": 30"));
        String dan = create(tagged("dan", "\"city\": \"Rome\", \"score\": 30")).getString("id");

        // run AND ((London AND score < 20) OR (Paris OR Rome))
        String query = group("AND", filter("custom_attributes.run", "=", run),
                group("OR",
                        group("AND", filter("custom_attributes.city", "=", "London"), filter("custom_attributes.score", "<", 20)),
                        group("OR", filter("custom_attributes.city", "=", "Paris"), filter("custom_attributes.city", "=", "Rome"))));

        assertThat(ids(search(query, 50, null))).containsExactly(ann, bob, dan);
    }

    @Test
    void eachOperatorSelectsExpectedContacts() {
        Map<String, String> byName = new LinkedHashMap<>();
        byName.put("London", create(tagged("l", "\"city\": \"London\", \"score\": 10")).getString("id"));
        byName.put("Paris", create(tagged("p", "\"city\": \"Paris\", \"score\": 20")).getString("id"));
        byName.put("Londrina", create(tagged("d", "\"city\": \"Londrina\", \"score\": 30")).getString("id"));
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put(filter("custom_attributes.score", "=", 20), List.of("Paris"));
        expected.put(filter("custom_attributes.score", "!=", 20), List.of("London", "Londrina"));
        expected.put(filter("custom_attributes.score", "IN", List.of(10, 30)), List.of("London", "Londrina"));
        expected.put(filter("custom_attributes.score", "NIN", List.of(10)), List.of("Paris", "Londrina"));
        expected.put(filter("custom_attributes.score", "<", 20), List.of("London"));
        expected.put(filter("custom_attributes.score", "<=", 20), List.of("London", "Paris"));
        expected.put(filter("custom_attributes.score", ">", 20), List.of("Londrina"));
        expected.put(filter("custom_attributes.score", ">=", 20), List.of("Paris", "Londrina"));
        expected.put(filter("custom_attributes.city", "=", "london"), List.of("London"));
        expected.put(filter("custom_attributes.city", "IN", List.of("Paris", "Rome")), List.of("Paris"));
        expected.put(filter("custom_attributes.city", "~", "ondo"), List.of("London"));
        expected.put(filter("custom_attributes.city", "!~", "Lond"), List.of("Paris"));
        expected.put(filter("custom_attributes.city", "^", "Lond"), List.of("London", "Londrina"));
        expected.put(filter("custom_attributes.city", "$", "rina"), List.of("Londrina"));

        for (Map.Entry<String, List<String>> entry : expected.entrySet()) {
            String query = group("AND", filter("custom_attributes.run", "=", run), entry.getKey());
            List<String> ids = entry.getValue().stream().map(byName::get).toList();

            assertThat(ids(search(query, 50, null))).as(entry.getKey()).containsExactlyElementsOf(ids);
        }
    }

    @Test
    void builtInFieldsAreSearchable() {
        long before = Http.json(api.get("/api/contacts/" + create(tagged("clock")).getString("id")))
                .getJsonNumber("created_at").longValue();
        JsonObject ann = create(body(Map.of("email", "ann." + run + "@example.org", "name", "Ann " + run, "role", "lead",
                "external_id", "ann-" + run, "custom_attributes", Map.of("run", run))));
        String annId = ann.getString("id");
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("name ^", filter("name", "^", "Ann " + run));
        queries.put("email $", filter("email", "$", run + "@example.org"));
        queries.put("role =", group("AND", filter("role", "=", "lead"), filter("custom_attributes.run", "=", run)));
        queries.put("external_id IN", filter("external_id", "IN", List.of("ann-" + run, "nobody-" + run)));
        queries.put("id = string", filter("id", "=", annId));
        queries.put("created_at >= string", group("AND", filter("created_at", ">=", String.valueOf(before)),
                filter("email", "~", run + "@example.org")));

        for (Map.Entry<String, String> entry : queries.entrySet()) {
            assertThat(ids(search(entry.getValue(), 50, null))).as(entry.getKey()).containsExactly(annId);
        }
    }

    @Test
    void subscriptionStateCombinesWithOtherConditions() {
        String type = liveSmsOptIn();
        String optedIn = create(tagged("in", "\"tier\": \"gold\"", "+1 201 555 0142")).getString("id");
        String optedOut = create(tagged("out", "\"tier\": \"gold\"", "+1 201 555 0143")).getString("id");
        String notSet = create(tagged("none", "\"tier\": \"gold\"", "+1 201 555 0144")).getString("id");
        create(tagged("silver", "\"tier\": \"silver\"", "+1 201 555 0145"));
        attach(optedIn, type);
        attach(optedOut, type);
        assertThat(delete("/api/contacts/" + optedOut + "/subscriptions/" + type).statusCode()).isEqualTo(200);
        String field = "subscription_type." + type;
        String gold = group("AND", filter("custom_attributes.run", "=", run), filter("custom_attributes.tier", "=", "gold"));

        List<String> in = ids(search(group("AND", gold, filter(field, "=", "opted_in")), 50, null));
        List<String> out = ids(search(group("AND", gold, filter(field, "=", "opted_out")), 50, null));
        List<String> none = ids(search(group("AND", gold, filter(field, "=", "not_set")), 50, null));
        List<String> anyChoice = ids(search(group("AND", gold, filter(field, "IN", List.of("opted_in", "opted_out"))), 50, null));
        List<String> notIn = ids(search(group("AND", gold, filter(field, "!=", "opted_in")), 50, null));

        assertThat(in).containsExactly(optedIn);
        assertThat(out).containsExactly(optedOut);
        assertThat(none).containsExactly(notSet);
        assertThat(anyChoice).containsExactly(optedIn, optedOut);
        assertThat(notIn).containsExactly(optedOut, notSet);
    }

    @Test
    void badQueriesAreRejectedNamingField() {
        Map<String, String[]> bodies = new LinkedHashMap<>();
        bodies.put("{\"pagination\": {\"per_page\": 5}}", new String[] {"query", "query is missing"});
        bodies.put(query(filter("shoe_size", "=", 42)), new String[] {"query.field", "'shoe_size'"});
        bodies.put(query("{\"field\": \"email\", \"operator\": \"LIKE\", \"value\": \"x\"}"), new String[] {"query.operator", "'LIKE'"});
        bodies.put(query(filter("email", ">", "a")), new String[] {"query.operator", "Operator >"});
        bodies.put(query(filter("created_at", ">", "yesterday")), new String[] {"query.value", "'yesterday'"});
        bodies.put(query(filter("phone", "=", "555-01")), new String[] {"query.value", "'555-01'"});
        bodies.put(query(filter("subscription_type.1", "=", "maybe")), new String[] {"query.value", "'maybe'"});
        bodies.put(query(filter("subscription_type.1", "~", "opted_in")), new String[] {"query.operator", "Operator ~"});
        bodies.put(query(filter("subscription_type.x", "=", "opted_in")), new String[] {"query.field", "subscription_type.x"});
        bodies.put(query(filter("role", "=", "admin")), new String[] {"query.value", "'admin'"});
        bodies.put(query("{\"field\": \"email\", \"operator\": \"=\"}"), new String[] {"query.value", "value is missing"});
        bodies.put(query("{\"operator\": \"AND\", \"value\": \"email\"}"), new String[] {"query.value", "list of filters"});
        bodies.put(query(group("AND", group("OR", group("AND", group("OR", filter("name", "=", "x")))))),
                new String[] {"query", "nests"});
        bodies.put("{\"query\": " + filter("name", "=", "x") + ", \"pagination\": {\"per_page\": 151}}",
                new String[] {"pagination.per_page", "151"});
        bodies.put("{\"query\": " + filter("name", "=", "x") + ", \"pagination\": {\"starting_after\": \"nope\"}}",
                new String[] {"pagination.starting_after", "'nope'"});

        for (Map.Entry<String, String[]> entry : bodies.entrySet()) {
            HttpResponse<String> response = api.post("/api/contacts/search", entry.getKey());

            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(400);
            assertThat(errorField(response)).as(entry.getKey()).isEqualTo(entry.getValue()[0]);
            assertThat(errorMessage(response)).as(entry.getKey()).contains(entry.getValue()[1]);
        }
    }

    @Test
    void openApiDocumentsContactEndpoints() {
        Http http = new Http(base);

        HttpResponse<String> response = http.send(http.request("/openapi").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/api/contacts:").contains("/api/contacts/search:")
                .contains("/api/contacts/{id}:").contains("phone_line_type");
    }

    // Helpers

    private JsonObject create(String body) {
        HttpResponse<String> response = api.post("/api/contacts", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    /** Returns the body of a contact whose custom attribute {@code run} is this test's value. */
    private String tagged(String name) {
        return tagged(name, null, null);
    }

    private String tagged(String name, String attributes) {
        return tagged(name, attributes, null);
    }

    private String tagged(String name, String attributes, String phone) {
        return "{\"email\": \"" + name + "." + run + "@example.com\", \"name\": \"" + name + "\""
                + (phone == null ? "" : ", \"phone\": \"" + phone + "\"")
                + ", \"custom_attributes\": {\"run\": \"" + run + "\"" + (attributes == null ? "" : ", " + attributes) + "}}";
    }

    private HttpResponse<String> delete(String path) {
        return api.send(api.http().request(path).DELETE());
    }

    private JsonObject search(String query, int perPage, String cursor) {
        String pagination = "{\"per_page\": " + perPage + (cursor == null ? "" : ", \"starting_after\": \"" + cursor + "\"") + "}";
        HttpResponse<String> response = api.post("/api/contacts/search", "{\"query\": " + query + ", \"pagination\": "
                + pagination + "}");
        assertThat(response.statusCode()).as(query + " -> " + response.body()).isEqualTo(200);
        return Http.json(response);
    }

    /** Returns the ids of every contact on every page of the list. */
    private List<String> walkList(int perPage) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonObject page = Http.json(api.get("/api/contacts?per_page=" + perPage
                    + (cursor == null ? "" : "&starting_after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))));
            ids.addAll(ids(page));
            JsonObject next = page.getJsonObject("pages").getJsonObject("next");
            cursor = next == null ? null : next.getString("starting_after");
            pages++;
        } while (cursor != null && pages < MAX_PAGES);
        return ids;
    }

    /** Creates a live SMS opt-in subscription type and returns its id. */
    private String liveSmsOptIn() {
        HttpResponse<String> created = api.post("/api/subscription_types",
                SubscriptionTypesApiIT.smsOptIn("Contacts " + run, "For contact tests"));
        String id = Http.json(created).getString("id");
        assertThat(api.post("/api/subscription_types/" + id + "/put_live", "").statusCode()).isEqualTo(200);
        return id;
    }

    private void attach(String contact, String type) {
        HttpResponse<String> response = api.post("/api/contacts/" + contact + "/subscriptions", "{\"id\": \"" + type + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private String subscriptionState(String contact, String type) {
        for (String state : List.of("opted_in", "opted_out", "not_set")) {
            String query = group("AND", filter("id", "=", contact), filter("subscription_type." + type, "=", state));
            if (!ids(search(query, 50, null)).isEmpty()) {
                return state;
            }
        }
        throw new AssertionError("Contact " + contact + " is in no subscription state for type " + type);
    }

    /** Runs {@code sql} with CHECK constraints off, so that it can store a name the database would reject. */
    private static void executeUnchecked(String sql) {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION check_constraint_checks = OFF");
            statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private static List<String> ids(JsonObject list) {
        return list.getJsonArray("data").getValuesAs(JsonObject.class).stream().map(c -> c.getString("id")).toList();
    }

    private static String filter(String field, String operator, Object value) {
        return Json.createObjectBuilder().add("field", field).add("operator", operator).add("value", json(value))
                .build().toString();
    }

    private static String group(String operator, String... parts) {
        return "{\"operator\": \"" + operator + "\", \"value\": [" + String.join(", ", parts) + "]}";
    }

    private static String query(String query) {
        return "{\"query\": " + query + "}";
    }

    private static String body(Map<String, Object> fields) {
        return json(fields).toString();
    }

    private static JsonValue json(Object value) {
        return switch (value) {
            case String text -> Json.createValue(text);
            case Integer number -> Json.createValue(number);
            case Long number -> Json.createValue(number);
            case List<?> list -> {
                var array = Json.createArrayBuilder();
                list.forEach(item -> array.add(json(item)));
                yield array.build();
            }
            case Map<?, ?> map -> {
                var object = Json.createObjectBuilder();
                map.forEach((key, item) -> object.add((String) key, json(item)));
                yield object.build();
            }
            default -> throw new IllegalArgumentException("No JSON form for " + value);
        };
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
