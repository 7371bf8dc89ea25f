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
import org.optline.it.support.PageSession;
import org.optline.it.support.Poll;
import org.optline.it.support.TestCredentials;
import org.optline.it.support.TestDatabase;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk subscribe and unsubscribe on Payara Micro against MariaDB: through the contacts list's bulk
 * actions as a signed-in admin, and through the API as an integrator. Contacts are inserted with plain
 * JDBC to be fast; every consent event comes from the app.
 */
@ExtendWith(ArquillianExtension.class)
class BulkJobsIT {

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);
    private static final String MOBILE = "+12015550142";
    private static final Pattern JOB_PAGE = Pattern.compile("^/admin/bulk-jobs/(\\d+)$");

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
    void pageJobOverThreeThousandContactsCompletes() {
        String tag = tag("Page");
        List<Long> withPhone = TestDatabase.insertContacts(tag + " mobile", 2990, MOBILE);
        List<Long> withoutPhone = TestDatabase.insertContacts(tag + " nophone", 10, null);
        String typeId = liveType("sms_message", "opt_in");
        PageSession admin = PageSession.signedInAdmin(base);

        String actions = admin.htmxGet("/admin/contacts/bulk-actions?q=" + tag).body();
        String confirmation = admin.htmxPost("/admin/contacts/bulk-actions/confirm", "q", tag,
                "subscription_type_id", typeId, "scope", "matching", "action", "opt_in", "override_reason", "").body();
        HttpResponse<String> created = admin.htmxPost("/admin/bulk-jobs", "q", tag, "subscription_type_id", typeId,
                "scope", "matching", "action", "opt_in", "confirmed_count", "3000");
        long jobId = jobId(created);
        JsonObject job = awaitFinished(jobId);

        assertThat(actions).contains("All 3,000 contacts that match the current filter");
        assertThat(confirmation).contains("Subscribe all 3,000 contacts that match the current filter to");
        assertThat(job.getString("state")).isEqualTo("done");
        assertThat(job.getInt("total_count")).isEqualTo(3000);
        assertThat(job.getInt("changed_count")).isEqualTo(2990);
        assertThat(job.getInt("already_count")).isZero();
        assertThat(job.getInt("refused_count")).isEqualTo(10);
        assertThat(job.getString("created_by")).isEqualTo(TestCredentials.adminEmail());
        assertThat(eventsOfJob(jobId)).isEqualTo(2990);
        assertThat(eventsOf(withPhone.getFirst(), jobId)).isEqualTo(1);
        assertThat(eventsOf(withoutPhone.getFirst(), jobId)).isZero();
    }

    @Test
    void barCountsWhatListShows() {
        String tag = tag("Same");
        TestDatabase.insertContacts(tag, 7, null);
        String typeId = liveType("email", "opt_out");
        PageSession admin = PageSession.signedInAdmin(base);
        String optedOut = "?q=" + tag + "&subscription_type." + typeId + "=opted_out";
        String notSet = "?q=" + tag + "&subscription_type." + typeId + "=not_set";

        String listOptedOut = admin.htmxGet("/admin/contacts/list" + optedOut).body();
        String barOptedOut = admin.htmxGet("/admin/contacts/bulk-actions/selection" + optedOut).body();
        String listNotSet = admin.htmxGet("/admin/contacts/list" + notSet).body();
        String barNotSet = admin.htmxGet("/admin/contacts/bulk-actions/selection" + notSet).body();

        assertThat(listOptedOut).contains("0 contacts match");
        assertThat(barOptedOut).contains("All contacts that match the current filter (none match)");
        assertThat(listNotSet).contains("7 contacts match");
        assertThat(barNotSet).contains("All 7 contacts that match the current filter");
    }

    @Test
    void barCountsTickedContacts() {
        List<Long> contacts = TestDatabase.insertContacts(tag("Ticked"), 3, null);
        PageSession admin = PageSession.signedInAdmin(base);

        String bar = admin.htmxGet("/admin/contacts/bulk-actions?contact_id=" + contacts.get(0) + "&contact_id="
                + contacts.get(1) + "&contact_id=" + contacts.get(1)).body();

        assertThat(bar).contains(">2 selected</span>");
        assertThat(bar).contains("The 2 selected contacts");
        assertThat(bar).contains("hx-include=\"#contact-selection\"");
    }

    @Test
    void finishedJobPageShowsFullProgressBar() {
        String tag = tag("Bar");
        TestDatabase.insertContacts(tag, 40, null);
        long jobId = jobId(api.post("/api/bulk_consent_jobs", byQuery(liveType("email", "opt_in"), "opt_in", tag, null)));
        awaitFinished(jobId);
        PageSession admin = PageSession.signedInAdmin(base);

        String page = admin.get("/admin/bulk-jobs/" + jobId).body();

        assertThat(page).contains("<progress class=\"w-100 mb-3\" id=\"job-progress-bar\" value=\"40\"");
        assertThat(page).contains("max=\"40\"");
        assertThat(page).contains("<dd class=\"col-sm-9\" id=\"job-changed\">40</dd>");
        assertThat(page).contains("Done: 40 of 40 contacts (100%)");
        assertThat(page).doesNotContain("hx-trigger=\"every 1s\"");
    }

    @Test
    void refusedContactsAreReportedWithReason() {
        String tag = tag("Refused");
        TestDatabase.insertContacts(tag + " mobile", 3, MOBILE);
        List<Long> withoutPhone = TestDatabase.insertContacts(tag + " nophone", 2, null);
        long jobId = jobId(api.post("/api/bulk_consent_jobs", byQuery(liveType("sms_message", "opt_in"), "opt_in", tag, null)));
        awaitFinished(jobId);
        PageSession admin = PageSession.signedInAdmin(base);

        String report = admin.htmxGet("/admin/bulk-jobs/" + jobId + "/items?outcome=refused").body();
        JsonObject items = Http.json(api.get("/api/bulk_consent_jobs/" + jobId + "/items?outcome=refused"));

        assertThat(report).contains("id=\"item-" + withoutPhone.getFirst() + "\"");
        assertThat(report).contains("has no phone number, so it cannot opt in to SMS");
        assertThat(report).contains("2 contacts, page 1 of 1");
        assertThat(items.getInt("total_count")).isEqualTo(2);
        assertThat(items.getJsonArray("data").getJsonObject(0).getString("refusal_reason")).isEqualTo("no_phone");
    }

    @Test
    void sameJobAgainChangesNothingMore() {
        String tag = tag("Twice");
        List<Long> contacts = TestDatabase.insertContacts(tag, 500, null);
        String typeId = liveType("email", "opt_in");
        long first = jobId(api.post("/api/bulk_consent_jobs", byQuery(typeId, "opt_in", tag, null)));
        awaitFinished(first);
        long eventsAfterFirst = eventsOfContacts(contacts);

        long second = jobId(api.post("/api/bulk_consent_jobs", byQuery(typeId, "opt_in", tag, null)));
        JsonObject again = awaitFinished(second);

        assertThat(eventsAfterFirst).isEqualTo(500);
        assertThat(again.getInt("already_count")).isEqualTo(500);
        assertThat(again.getInt("changed_count")).isZero();
        assertThat(again.getInt("refused_count")).isZero();
        assertThat(eventsOfJob(second)).isZero();
        assertThat(eventsOfContacts(contacts)).isEqualTo(eventsAfterFirst);
    }

    @Test
    void overrideReasonIsRecordedInEvents() {
        String tag = tag("Override");
        List<Long> contacts = TestDatabase.insertContacts(tag, 3, MOBILE);
        String reason = "Customers re-consented at the counter on paper";
        long jobId = jobId(api.post("/api/bulk_consent_jobs", byQuery(liveType("sms_message", "opt_in"), "opt_in", tag, reason)));
        JsonObject job = awaitFinished(jobId);

        JsonObject event = Http.json(api.get("/api/contacts/" + contacts.getFirst() + "/consent_events"))
                .getJsonArray("data").getJsonObject(0);

        assertThat(job.getString("override_reason")).isEqualTo(reason);
        assertThat(event.getString("override_reason")).isEqualTo(reason);
        assertThat(event.getString("bulk_job_id")).isEqualTo(String.valueOf(jobId));
        assertThat(event.getString("source")).isEqualTo("bulk");
        assertThat(event.getString("actor_kind")).isEqualTo("api_token");
    }

    @Test
    void confirmationStatesSelectedCount() {
        List<Long> contacts = TestDatabase.insertContacts(tag("Selected"), 3, null);
        String typeId = liveType("email", "opt_out");
        PageSession admin = PageSession.signedInAdmin(base);

        String confirmation = admin.htmxPost("/admin/contacts/bulk-actions/confirm", "subscription_type_id", typeId,
                "scope", "listed", "action", "opt_out", "contact_id", contacts.get(0).toString(),
                "contact_id", contacts.get(1).toString(), "contact_id", contacts.get(2).toString()).body();

        assertThat(confirmation).contains("Unsubscribe 3 contacts from");
        assertThat(confirmation).contains("name=\"confirmed_count\" value=\"3\"");
        assertThat(confirmation).contains("name=\"contact_id\" value=\"" + contacts.get(2) + "\"");
    }

    @Test
    void selectionChangedSinceConfirmationIsRejected() {
        String tag = tag("Changed");
        TestDatabase.insertContacts(tag, 4, null);
        String typeId = liveType("email", "opt_out");
        PageSession admin = PageSession.signedInAdmin(base);

        HttpResponse<String> response = admin.htmxPost("/admin/bulk-jobs", "q", tag, "subscription_type_id", typeId,
                "scope", "matching", "action", "opt_out", "confirmed_count", "3");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("The selection now has 4 contacts, not the 3 that were confirmed");
        assertThat(response.headers().firstValue("HX-Redirect")).isEmpty();
    }

    @Test
    void unknownListedContactIsRejected() {
        List<Long> contacts = TestDatabase.insertContacts(tag("Unknown"), 1, null);
        long missing = contacts.getFirst() + 1_000_000_000L;
        String body = "{\"subscription_type_id\": \"" + liveType("email", "opt_out") + "\", \"action\": \"opt_out\", "
                + "\"contact_ids\": [\"" + contacts.getFirst() + "\", \"" + missing + "\"]}";

        HttpResponse<String> response = api.post("/api/bulk_consent_jobs", body);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonObject error = Http.json(response).getJsonArray("errors").getJsonObject(0);
        assertThat(error.getString("code")).isEqualTo("parameter_invalid");
        assertThat(error.getString("field")).isEqualTo("contact_ids");
        assertThat(error.getString("message")).contains(String.valueOf(missing));
    }

    @Test
    void subscribingToDraftTypeIsRejected() {
        String tag = tag("Draft");
        TestDatabase.insertContacts(tag, 1, null);
        String draftId = Http.json(api.post("/api/subscription_types", type("email", "opt_in"))).getString("id");

        HttpResponse<String> response = api.post("/api/bulk_consent_jobs", byQuery(draftId, "opt_in", tag, null));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(Http.json(response).getJsonArray("errors").getJsonObject(0).getString("message"))
                .contains("is draft").contains("Put it live first");
    }

    @Test
    void jobsListShowsNewJob() {
        String tag = tag("Listed");
        TestDatabase.insertContacts(tag, 2, null);
        long jobId = jobId(api.post("/api/bulk_consent_jobs", byQuery(liveType("email", "opt_out"), "opt_out", tag, null)));
        PageSession admin = PageSession.signedInAdmin(base);

        String page = admin.get("/admin/bulk-jobs").body();

        assertThat(page).contains("<a href=\"/admin/bulk-jobs/" + jobId + "\">Bulk job " + jobId + "</a>");
        assertThat(page).contains("aria-label=\"Progress of bulk job " + jobId + "\"");
    }

    @Test
    void openApiDocumentsBulkJobEndpoints() {
        Http http = new Http(base);

        HttpResponse<String> response = http.send(http.request("/openapi").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/api/bulk_consent_jobs/{id}");
        assertThat(response.body()).contains("/api/bulk_consent_jobs/{id}/items");
        assertThat(response.body()).contains("Start a bulk consent job");
        assertThat(response.body()).doesNotContain("/admin/bulk-jobs");
        assertThat(response.body()).doesNotContain("/admin/contacts/bulk-actions");
    }

    @Test
    void jobPagesNeedSignIn() {
        Http anonymous = new Http(base);

        HttpResponse<String> response = anonymous.send(anonymous.request("/admin/bulk-jobs").GET().build());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).contains("/login");
    }

    private static String tag(String purpose) {
        return "Bulk" + purpose + UUID.randomUUID().toString().substring(0, 8);
    }

    private String liveType(String contentType, String consentType) {
        String id = Http.json(api.post("/api/subscription_types", type(contentType, consentType))).getString("id");
        HttpResponse<String> live = api.post("/api/subscription_types/" + id + "/put_live", "");
        assertThat(live.statusCode()).as("put_live of type %s", id).isEqualTo(200);
        return id;
    }

    private static String type(String contentType, String consentType) {
        return "{\"content_types\": [\"" + contentType + "\"], \"consent_type\": \"" + consentType + "\", "
                + "\"default_translation\": {\"name\": \"Bulk " + UUID.randomUUID() + "\", \"description\": \"\", "
                + "\"locale\": \"en\"}}";
    }

    /** Returns a job request for every contact whose name contains {@code tag}. */
    private static String byQuery(String typeId, String action, String tag, String overrideReason) {
        return "{\"subscription_type_id\": \"" + typeId + "\", \"action\": \"" + action + "\", "
                + (overrideReason == null ? "" : "\"override_reason\": \"" + overrideReason + "\", ")
                + "\"query\": {\"field\": \"name\", \"operator\": \"~\", \"value\": \"" + tag + "\"}}";
    }

    /** Reads the job id from an API response or from the page's HX-Redirect to the job. */
    private static long jobId(HttpResponse<String> created) {
        assertThat(created.statusCode()).as("creating a job: %s", created.body()).isEqualTo(200);
        String redirect = created.headers().firstValue("HX-Redirect").orElse(null);
        if (redirect == null) {
            return Long.parseLong(Http.json(created).getString("id"));
        }
        Matcher matcher = JOB_PAGE.matcher(redirect);
        assertThat(matcher.matches()).as("HX-Redirect %s names a job page", redirect).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private JsonObject awaitFinished(long jobId) {
        return Poll.until("bulk job " + jobId + " to finish", JOB_TIMEOUT,
                () -> Http.json(api.get("/api/bulk_consent_jobs/" + jobId)),
                job -> job.getString("state").equals("done") || job.getString("state").equals("failed"));
    }

    private static long eventsOfJob(long jobId) {
        return TestDatabase.number("SELECT COUNT(*) FROM consent_event WHERE bulk_job_id = ?", jobId);
    }

    private static long eventsOf(long contactId, long jobId) {
        return TestDatabase.number("SELECT COUNT(*) FROM consent_event WHERE contact_id = ? AND bulk_job_id = ?",
                contactId, jobId);
    }

    private static long eventsOfContacts(List<Long> contactIds) {
        List<String> ids = new ArrayList<>();
        contactIds.forEach(id -> ids.add(String.valueOf(id)));
        return TestDatabase.number("SELECT COUNT(*) FROM consent_event WHERE contact_id IN (" + String.join(",", ids) + ")");
    }
}
