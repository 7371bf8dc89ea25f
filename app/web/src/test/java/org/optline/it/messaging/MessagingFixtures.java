package org.optline.it.messaging;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.optline.it.support.ApiClient;
import org.optline.it.support.Http;
import org.optline.it.support.PageSession;
import org.optline.it.support.Poll;
import org.optline.it.support.TestDatabase;
import org.optline.it.support.TestPhones;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sets up what an SMS send needs through the API and the admin pages (types, contacts, consent, sends)
 * and reads with SQL what the send stored: recipient rows and the sandbox outbox.
 */
final class MessagingFixtures {

    private final ApiClient api;
    private final PageSession admin;

    MessagingFixtures(ApiClient api, PageSession admin) {
        this.api = api;
        this.admin = admin;
    }

    /** A message in the sandbox outbox. */
    record OutboxMessage(String to, String body) {
    }

    /** A recipient row of a send. */
    record Recipient(String state, String reason) {
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Returns an unused Japanese mobile number (+81 90, Asia/Tokyo, UTC+9 all year). */
    static String tokyoMobile() {
        return TestPhones.tokyoMobile();
    }

    /** Returns an unused Icelandic mobile number (+354 77, Atlantic/Reykjavik, UTC all year). */
    static String icelandMobile() {
        return TestPhones.icelandMobile();
    }

    /**
     * Creates an SMS subscription type and returns its id.
     *
     * @param state draft, live or archived
     */
    String smsType(String name, String consentType, String state) {
        String body = Json.createObjectBuilder()
                .add("content_types", Json.createArrayBuilder().add("sms_message"))
                .add("consent_type", consentType)
                .add("default_translation", Json.createObjectBuilder().add("name", name).add("description", "")
                        .add("locale", "en"))
                .build().toString();
        HttpResponse<String> created = api.post("/api/subscription_types", body);
        assertThat(created.statusCode()).as("creating type %s: %s", name, created.body()).isEqualTo(200);
        String id = Http.json(created).getString("id");
        if (!state.equals("draft")) {
            HttpResponse<String> live = api.post("/api/subscription_types/" + id + "/put_live", "");
            assertThat(live.statusCode()).as("putting type %s live: %s", id, live.body()).isEqualTo(200);
        }
        if (state.equals("archived")) {
            HttpResponse<String> archived = api.post("/api/subscription_types/" + id + "/archive", "");
            assertThat(archived.statusCode()).as("archiving type %s: %s", id, archived.body()).isEqualTo(200);
        }
        return id;
    }

    /** Creates a user contact and returns its id; {@code phone} may be null. */
    long contact(String name, String email, String phone) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("role", "user").add("name", name).add("email", email);
        if (phone != null) {
            body.add("phone", phone);
        }
        HttpResponse<String> created = api.post("/api/contacts", body.build().toString());
        assertThat(created.statusCode()).as("creating contact %s: %s", name, created.body()).isEqualTo(200);
        return Long.parseLong(Http.json(created).getString("id"));
    }

    /** Creates a user contact whose texts are in {@code language}, such as de, and returns its id. */
    long contactInLanguage(String name, String email, String phone, String language) {
        String body = Json.createObjectBuilder().add("role", "user").add("name", name).add("email", email)
                .add("phone", phone).add("language_override", language).build().toString();
        HttpResponse<String> created = api.post("/api/contacts", body);
        assertThat(created.statusCode()).as("creating contact %s: %s", name, created.body()).isEqualTo(200);
        return Long.parseLong(Http.json(created).getString("id"));
    }

    /** Attaches the type: opts the contact in to an opt-in type, or out of an opt-out type. */
    void attach(long contact, String type) {
        HttpResponse<String> response = api.post("/api/contacts/" + contact + "/subscriptions", "{\"id\":\"" + type + "\"}");
        assertThat(response.statusCode()).as("attaching type %s to contact %s: %s", type, contact, response.body())
                .isEqualTo(200);
    }

    /** Detaches the type: opts the contact out of an opt-in type. */
    void detach(long contact, String type) {
        HttpResponse<String> response = api.send(api.http().request("/api/contacts/" + contact + "/subscriptions/" + type)
                .DELETE());
        assertThat(response.statusCode()).as("detaching type %s from contact %s: %s", type, contact, response.body())
                .isEqualTo(200);
    }

    /** Saves a segment of the contacts whose email ends with {@code @domain} and returns its id. */
    String segmentOfDomain(String name, String domain) {
        HttpResponse<String> response = admin.htmxPost("/admin/segments", "name", name, "conditions",
                "{\"field\":\"email\",\"operator\":\"$\",\"value\":\"@" + domain + "\"}");
        assertThat(response.statusCode()).as("saving segment %s: %s", name, response.body()).isEqualTo(200);
        String location = response.headers().firstValue("HX-Redirect").orElseThrow();
        return location.substring("/admin/segments/".length());
    }

    /** Posts the compose form as its page does and returns the response. */
    HttpResponse<String> compose(String body, String type, String segment) {
        return admin.htmxPost("/admin/messages", "subscription_type_id", type, "segment_id", segment == null ? "" : segment,
                "body", body, "when", "now", "scheduled_at", "");
    }

    /** Sends a message now through the compose form and returns the id of the send. */
    long send(String body, String type, String segment) {
        HttpResponse<String> response = compose(body, type, segment);
        assertThat(response.statusCode()).as("sending under type %s: %s", type, response.body()).isEqualTo(200);
        String location = response.headers().firstValue("HX-Redirect").orElseThrow(
                () -> new AssertionError("No HX-Redirect after sending: " + response.body()));
        assertThat(location).matches("/admin/messages/[0-9]+");
        return Long.parseLong(location.substring("/admin/messages/".length()));
    }

    /** Waits until the send is DONE and returns its state. */
    static String awaitDone(long send, Duration timeout) {
        return Poll.until("SMS send " + send + " to finish", timeout, () -> sendState(send), "DONE"::equals);
    }

    static String sendState(long send) {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement select = connection.prepareStatement("SELECT state FROM sms_send WHERE id = ?")) {
            select.setLong(1, send);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading SMS send " + send + " failed: " + e.getMessage(), e);
        }
    }

    /** Returns the recipient rows of a send by contact id. */
    static Map<Long, Recipient> recipients(long send) {
        Map<Long, Recipient> rows = new LinkedHashMap<>();
        try (Connection connection = TestDatabase.connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT contact_id, state, reason FROM sms_recipient WHERE send_id = ? ORDER BY contact_id")) {
            select.setLong(1, send);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.put(row.getLong(1), new Recipient(row.getString(2), row.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the recipients of SMS send " + send + " failed: " + e.getMessage(), e);
        }
        return rows;
    }

    /** Returns every outbox message of a send with the contact it went to, in the order they were stored. */
    static List<Map.Entry<Long, OutboxMessage>> outbox(long send) {
        List<Map.Entry<Long, OutboxMessage>> messages = new ArrayList<>();
        try (Connection connection = TestDatabase.connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT r.contact_id, o.to_number, o.body FROM sms_outbox o "
                        + "JOIN sms_recipient r ON r.idempotency_key = o.idempotency_key WHERE r.send_id = ? ORDER BY o.id")) {
            select.setLong(1, send);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    messages.add(Map.entry(row.getLong(1), new OutboxMessage(row.getString(2), row.getString(3))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the outbox of SMS send " + send + " failed: " + e.getMessage(), e);
        }
        return messages;
    }

    /** Opts the contacts whose name contains {@code tag} in with one bulk consent job and waits for it to finish. */
    static void optInByBulkJob(ApiClient api, String type, String tag) {
        String job = Http.json(api.post("/api/bulk_consent_jobs", "{\"subscription_type_id\": \"" + type
                + "\", \"action\": \"opt_in\", \"query\": {\"field\": \"name\", \"operator\": \"~\", \"value\": \""
                + tag + "\"}}")).getString("id");
        String state = Poll.until("bulk opt-in job " + job + " to finish", Duration.ofMinutes(3),
                () -> Http.json(api.get("/api/bulk_consent_jobs/" + job)).getString("state"),
                value -> !value.equals("queued") && !value.equals("running"));
        assertThat(state).as("bulk opt-in job state").isEqualTo("done");
    }
}
