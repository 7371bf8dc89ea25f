package org.optline.it.messaging;

import com.twilio.security.RequestValidator;
import org.optline.it.support.Poll;
import org.optline.it.support.TestDatabase;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends inbound SMS webhooks as Twilio does, signed by the Twilio Java library's RequestValidator, and
 * reads with SQL what Optline stored: inbound rows, consent events, notices and the sandbox outbox.
 */
final class InboundSms {

    static final Duration NOTICE_TIMEOUT = Duration.ofSeconds(60);

    /** A consent event caused by an inbound SMS. */
    record Event(long typeId, String action, String source, String actorKind, String actorId, String keyword,
                 Long inboundId) {
    }

    /** A stored inbound message. */
    record Inbound(long id, String fromNumber, String kind, String keyword, String keywordLocale, String reviewState) {
    }

    private final URI base;
    private final String publicUrl;
    private final String authToken;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    InboundSms(URI base, String publicUrl, String authToken) {
        this.base = base;
        this.publicUrl = publicUrl;
        this.authToken = authToken;
    }

    static String messageSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Posts a signed inbound SMS with a new MessageSid and returns the MessageSid, failing unless Optline returns 200. */
    String text(String from, String body) {
        String sid = messageSid();
        HttpResponse<String> response = post(params(sid, from, body), signature(params(sid, from, body)));
        assertThat(response.statusCode()).as("webhook for %s: %s", body, response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        assertThat(response.body()).contains("<Response/>");
        return sid;
    }

    static Map<String, String> params(String sid, String from, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", sid);
        params.put("AccountSid", "AC00000000000000000000000000000000");
        params.put("From", from);
        params.put("To", "+15005550006");
        params.put("Body", body);
        params.put("NumMedia", "0");
        return params;
    }

    /**
     * Returns Twilio's signature of a POST to the inbound webhook with {@code params}, computed by the
     * library's RequestValidator. Its signing method is private, so it is called by reflection; the
     * public validate method then confirms the result.
     */
    String signature(Map<String, String> params) {
        String url = publicUrl + "/webhooks/twilio/inbound";
        RequestValidator validator = new RequestValidator(authToken);
        try {
            Method sign = RequestValidator.class.getDeclaredMethod("getValidationSignature", String.class, Map.class);
            sign.setAccessible(true);
            String signature = (String) sign.invoke(validator, url, params);
            assertThat(validator.validate(url, params, signature)).as("RequestValidator accepts its own signature").isTrue();
            return signature;
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("RequestValidator of twilio 11.0.0 changed: " + e, e);
        }
    }

    /** Posts the form to the Twilio webhook with the signature header, or without it when {@code signature} is null. */
    HttpResponse<String> post(Map<String, String> params, String signature) {
        String form = params.entrySet().stream().map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("webhooks/twilio/inbound"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return send(request);
    }

    /** Posts to the JSON webhook, with a bearer token unless {@code token} is null. */
    HttpResponse<String> postJson(String json, String token) {
        return postJson("webhooks/sms/inbound", json, token);
    }

    /** Posts JSON to a path relative to the app, with a bearer token unless {@code token} is null. */
    HttpResponse<String> postJson(String path, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    /** Posts a body of any Content-Type to a path relative to the app, with a bearer token unless {@code token} is null. */
    HttpResponse<String> postRaw(String path, String contentType, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    /** Posts a body without a Content-Length, in chunks, with a bearer token. */
    HttpResponse<String> postChunked(String path, String contentType, String body, String token) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(base.resolve(path))
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))));
    }

    /** Sends a GET without credentials to a path relative to the app. */
    HttpResponse<String> getAnonymously(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Calling the webhook failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling the webhook", e);
        }
    }

    static Inbound inbound(String provider, String messageId) {
        List<Inbound> rows = query("SELECT id, from_number, kind, keyword, keyword_locale, review_state FROM sms_inbound "
                + "WHERE provider = ? AND provider_message_id = ?", row -> new Inbound(row.getLong(1), row.getString(2),
                row.getString(3), row.getString(4), row.getString(5), row.getString(6)), provider, messageId);
        assertThat(rows).as("inbound rows of %s/%s", provider, messageId).hasSize(1);
        return rows.getFirst();
    }

    static long inboundCount(String provider, String messageId) {
        return TestDatabase.number("SELECT COUNT(*) FROM sms_inbound WHERE provider = ? AND provider_message_id = ?",
                provider, messageId);
    }

    /** Returns the consent events a given inbound message caused, oldest first. */
    static List<Event> eventsOf(long inboundId) {
        return query("SELECT subscription_type_id, action, source, actor_kind, actor_id, keyword, inbound_sms_id "
                + "FROM consent_event WHERE inbound_sms_id = ? ORDER BY contact_id, seq", InboundSms::event, inboundId);
    }

    /** Returns the contact's events for one type, oldest first. */
    static List<Event> events(long contactId, String typeId) {
        return query("SELECT subscription_type_id, action, source, actor_kind, actor_id, keyword, inbound_sms_id "
                + "FROM consent_event WHERE contact_id = ? AND subscription_type_id = ? ORDER BY seq", InboundSms::event,
                contactId, Long.parseLong(typeId));
    }

    private static Event event(ResultSet row) throws SQLException {
        long inbound = row.getLong(7);
        return new Event(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), row.wasNull() ? null : inbound);
    }

    /** Waits until no notice to the number waits to be sent, then returns the outbox messages to it, oldest first. */
    static List<String> outboxTo(String number) {
        return outboxTo(number, true);
    }

    /**
     * Waits until no notice to the number waits to be sent, checks that all were sent when
     * {@code allSent}, and returns the outbox messages to the number, oldest first.
     */
    static List<String> outboxTo(String number, boolean allSent) {
        Poll.until("notices to " + number + " to be sent", NOTICE_TIMEOUT,
                () -> TestDatabase.number("SELECT COUNT(*) FROM sms_notice WHERE to_number = ? AND state IN "
                        + "('PENDING', 'SENDING')", number), count -> count == 0);
        if (allSent) {
            assertThat(TestDatabase.number("SELECT COUNT(*) FROM sms_notice WHERE to_number = ? AND state <> 'SENT'",
                    number)).as("failed notices to %s", number).isZero();
        }
        return query("SELECT body FROM sms_outbox WHERE to_number = ? ORDER BY id", row -> row.getString(1), number);
    }

    /** Returns the state of the latest notice of a kind to the number, or null when there is none. */
    static String noticeState(String number, String kind) {
        List<String> states = query("SELECT state FROM sms_notice WHERE to_number = ? AND kind = ? ORDER BY id DESC",
                row -> row.getString(1), number, kind);
        return states.isEmpty() ? null : states.getFirst();
    }

    static List<String> noticeKinds(long inboundId) {
        return query("SELECT kind FROM sms_notice WHERE inbound_id = ? ORDER BY id", row -> row.getString(1), inboundId);
    }

    static boolean blocked(String number) {
        return TestDatabase.number("SELECT COUNT(*) FROM sms_number_block WHERE phone = ?", number) == 1;
    }

    private interface Reader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static <T> List<T> query(String sql, Reader<T> reader, Object... parameters) {
        try (Connection connection = TestDatabase.connect(); PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(reader.read(row));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql + ": " + e.getMessage(), e);
        }
    }
}
