package org.optline.it.segments;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
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
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The segments pages and the audience preview over HTTP: saving, listing with sizes, the live count,
 * the preview's counts and reasons on contacts made to hit one reason each, roles, CSRF and version
 * conflicts. Each test scopes its segment to contacts with emails of its own domain, so contacts of
 * other tests do not change the counts.
 */
@ExtendWith(ArquillianExtension.class)
class SegmentsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return OptlineDeployment.packagedWar();
    }

    @ArquillianResource
    URL deployment;

    private URI base;
    private PageSession admin;
    private ApiClient api;

    @BeforeEach
    void signIn() {
        base = LocalOptline.base(deployment);
        admin = PageSession.signedInAdmin(base);
        api = new ApiClient(base, TestCredentials.apiToken());
    }

    @Test
    void previewCountsEveryReasonOnce() {
        String domain = domain();
        String optIn = smsType("Deals " + unique(), "opt_in", true);
        String draftOptOut = smsType("Draft news " + unique(), "opt_out", false);
        contact("nophone", domain, null);
        String invalid = contact("invalid", domain, "+12015550101");
        clearLineType(invalid);
        contact("landline", domain, "+442079460958");
        contact("notoptedin", domain, "+12015550102");
        String optedOut = contact("optedout", domain, "+12015550103");
        attach(optedOut, optIn);
        detach(optedOut, optIn);
        String reachable = contact("reachable", domain, "+12015550104");
        attach(reachable, optIn);
        String segment = saveSegment("Reasons " + unique(), emailEndsWith(domain));

        Document preview = PageSession.document(admin.htmxGet("/admin/segments/preview?type=" + optIn + "&segment=" + segment));
        Document draft = PageSession.document(admin.htmxGet("/admin/segments/preview?type=" + draftOptOut + "&segment=" + segment));

        assertThat(preview.selectFirst("#audience-reachable").text()).isEqualTo("1 of 6");
        assertThat(reasonCount(preview, "NO_PHONE")).isEqualTo("1");
        assertThat(reasonCount(preview, "INVALID_NUMBER")).isEqualTo("1");
        assertThat(reasonCount(preview, "LANDLINE")).isEqualTo("1");
        assertThat(reasonCount(preview, "NOT_OPTED_IN")).isEqualTo("1");
        assertThat(reasonCount(preview, "OPTED_OUT")).isEqualTo("1");
        assertThat(reasonCount(preview, "TYPE_NOT_LIVE")).isEqualTo("0");
        assertThat(preview.select("[data-sample-contact]").eachAttr("data-sample-contact")).containsExactly(reachable);
        assertThat(draft.selectFirst("#audience-reachable").text()).isEqualTo("0 of 6");
        assertThat(reasonCount(draft, "TYPE_NOT_LIVE")).isEqualTo("3");
        assertThat(reasonCount(draft, "NO_PHONE")).isEqualTo("1");
        assertThat(draft.select("[data-sample-contact]")).isEmpty();
    }

    @Test
    void listShowsCurrentSize() {
        String domain = domain();
        contact("first", domain, "+12015550111");
        String name = "Sized " + unique();
        String segment = saveSegment(name, emailEndsWith(domain));
        contact("second", domain, null);

        Document list = PageSession.document(admin.get("/admin/segments"));

        assertThat(list.text()).contains(name);
        assertThat(list.selectFirst("[data-segment-size=" + segment + "]").text()).isEqualTo("2");
    }

    @Test
    void liveCountFollowsConditions() {
        String domain = domain();
        contact("one", domain, "+12015550121");
        contact("two", domain, null);
        String withPhone = "{\"operator\":\"AND\",\"value\":[" + emailEndsWith(domain)
                + ",{\"field\":\"phone_valid\",\"operator\":\"=\",\"value\":true}]}";

        String all = admin.htmxGet("/admin/segments/count?conditions=" + encode(emailEndsWith(domain))).body();
        String valid = admin.htmxGet("/admin/segments/count?conditions=" + encode(withPhone)).body();
        String broken = admin.htmxGet("/admin/segments/count?conditions=" + encode("{\"field\":")).body();

        assertThat(all).contains("2 contacts match");
        assertThat(valid).contains("1 contact matches");
        assertThat(broken).contains("not valid JSON");
    }

    @Test
    void syntaxErrorNamesTypedPosition() {
        // A browser sends each line break of a textarea as CR LF, which the admin sees as one.
        String typed = "\r\n{\r\n  \"field\": \"role\",\r\n  \"operator\" \"=\",\r\n  \"value\": \"user\"\r\n}";
        String expected = "not valid JSON at line 4, column 14: unexpected '\"=\"', expected ':'.";

        HttpResponse<String> saved = admin.htmxPost("/admin/segments", "name", "Broken " + unique(), "conditions", typed);
        String counted = PageSession.document(admin.htmxGet("/admin/segments/count?conditions=" + encode(typed))).text();

        assertThat(saved.statusCode()).isEqualTo(400);
        assertThat(PageSession.document(saved).text()).contains(expected);
        assertThat(counted).contains(expected);
    }

    @Test
    void saveAsSegmentCarriesListFilter() {
        String type = smsType("Listed " + unique(), "opt_in", true);
        String list = admin.htmxGet("/admin/contacts/list?role=lead").body();
        Document editor = PageSession.document(admin.get("/admin/segments/new?role=lead"));

        assertThat(list).contains("href=\"/admin/segments/new?role=lead\"");
        assertThat(editor.selectFirst("#segment-conditions").text())
                .isEqualTo("{\"field\":\"role\",\"operator\":\"=\",\"value\":\"lead\"}");
        assertThat(editor.select("code").eachText()).contains("subscription_type." + type);
    }

    @Test
    void invalidConditionsSaveNothing() {
        String name = "Broken " + unique();

        HttpResponse<String> response = admin.htmxPost("/admin/segments", "name", name,
                "conditions", "{\"field\":\"shoe_size\",\"operator\":\"=\",\"value\":42}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Field 'shoe_size' cannot be searched");
        assertThat(admin.get("/admin/segments").body()).doesNotContain(name);
    }

    @Test
    void saveWithoutCsrfTokenIsForbidden() {
        String name = "Forged " + unique();

        HttpResponse<String> response = admin.post("/admin/segments", Map.of("HX-Request", "true"),
                "name", name, "conditions", "");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(admin.get("/admin/segments").body()).doesNotContain(name);
    }

    @Test
    void staleChangeIsConflict() {
        String first = "First " + unique();
        String segment = saveSegment(first, "");
        String version = version(segment);
        HttpResponse<String> renamed = admin.htmxPost("/admin/segments/" + segment, "name", first + " renamed",
                "conditions", "", "version", version);

        HttpResponse<String> stale = admin.htmxPost("/admin/segments/" + segment, "name", first + " stale",
                "conditions", "", "version", version);

        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("changed by someone else");
        assertThat(admin.get("/admin/segments").body()).contains(first + " renamed").doesNotContain(first + " stale");
    }

    @Test
    void deleteNeedsCurrentVersion() {
        String segment = saveSegment("Doomed " + unique(), "");
        String version = version(segment);

        HttpResponse<String> stale = admin.htmxDelete("/admin/segments/" + segment + "?version=" + (Long.parseLong(version) + 1), true);
        HttpResponse<String> forged = admin.htmxDelete("/admin/segments/" + segment + "?version=" + version, false);
        int beforeDelete = admin.get("/admin/segments/" + segment).statusCode();
        HttpResponse<String> deleted = admin.htmxDelete("/admin/segments/" + segment + "?version=" + version, true);

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(beforeDelete).isEqualTo(200);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(admin.get("/admin/segments/" + segment).statusCode()).isEqualTo(404);
    }

    @Test
    void agentIsRefusedSegments() {
        String segment = saveSegment("Admins only " + unique(), "");
        String type = smsType("Agent check " + unique(), "opt_in", true);
        String email = "agent-" + unique() + "@tests.optline.invalid";
        String password = "agent-password-" + unique();
        HttpResponse<String> created = admin.htmxPost("/admin/users", "email", email, "name", "Segment agent",
                "role", "AGENT", "password", password);
        assertThat(created.statusCode()).as("creating agent: %s", created.body()).isEqualTo(200);
        PageSession agent = PageSession.signedIn(base, email, password);

        assertThat(agent.get("/admin/segments").statusCode()).isEqualTo(403);
        assertThat(agent.get("/admin/segments/" + segment).statusCode()).isEqualTo(403);
        assertThat(agent.htmxGet("/admin/segments/preview?type=" + type + "&segment=" + segment).statusCode()).isEqualTo(403);
        assertThat(agent.htmxPost("/admin/segments", "name", "By agent " + unique(), "conditions", "").statusCode())
                .isEqualTo(403);
    }

    /** Saves a segment through the editor's form and returns its id from the redirect to its page. */
    /** Returns the version that the segment's editor page would send with a change. */
    private String version(String segment) {
        Document editor = PageSession.document(admin.get("/admin/segments/" + segment));
        return editor.selectFirst("input[name=version]").attr("value");
    }

    private String contact(String name, String domain, String phone) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("role", "user").add("name", name)
                .add("email", name + "@" + domain);
        if (phone != null) {
            body.add("phone", phone);
        }
        HttpResponse<String> created = api.post("/api/contacts", body.build().toString());
        assertThat(created.statusCode()).as("creating contact %s: %s", name, created.body()).isEqualTo(200);
        return Http.json(created).getString("id");
    }

    private void attach(String contactId, String typeId) {
        String body = Json.createObjectBuilder().add("id", typeId).add("consent_type", "opt_in").build().toString();
        HttpResponse<String> response = api.post("/api/contacts/" + contactId + "/subscriptions", body);
        assertThat(response.statusCode()).as("opting %s in: %s", contactId, response.body()).isEqualTo(200);
    }

    private void detach(String contactId, String typeId) {
        HttpResponse<String> response = api.send(api.http().request("/api/contacts/" + contactId + "/subscriptions/" + typeId)
                .header("Accept", "application/json").DELETE());
        assertThat(response.statusCode()).as("opting %s out: %s", contactId, response.body()).isEqualTo(200);
    }

    /** Makes a stored number look as if it was stored without a line type, as old or imported rows may be. */
    private static void clearLineType(String contactId) {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement update = connection.prepareStatement("UPDATE contact SET phone_type = NULL WHERE id = ?")) {
            update.setLong(1, Long.parseLong(contactId));
            assertThat(update.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Clearing the line type of contact " + contactId + " failed", e);
        }
    }

    private static String reasonCount(Document preview, String reason) {
        return preview.selectFirst("tr[data-reason=" + reason + "] td:nth-child(2)").text();
    }

    private static String emailEndsWith(String domain) {
        return "{\"field\":\"email\",\"operator\":\"$\",\"value\":\"@" + domain + "\"}";
    }

    private static String domain() {
        return "seg-" + unique() + ".example.com";
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private String saveSegment(String name, String conditions) {
        return SegmentFixtures.saveSegment(admin, name, conditions);
    }

    private String smsType(String name, String consentType, boolean live) {
        return SegmentFixtures.smsType(api, name, consentType, live);
    }
}
