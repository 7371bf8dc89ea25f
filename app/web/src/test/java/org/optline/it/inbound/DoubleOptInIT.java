package org.optline.it.inbound;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.twilio.security.RequestValidator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optline.it.support.ApiClient;
import org.optline.it.support.Http;
import org.optline.it.support.LocalPayara;
import org.optline.it.support.PageSession;
import org.optline.it.support.Poll;
import org.optline.it.support.TestCredentials;
import org.optline.it.support.TestDatabase;
import org.optline.it.support.TestPhones;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Double opt-in and carrier opt-outs end to end: one Optline instance sends through its Twilio gateway
 * to a local server on 127.0.0.1 that answers as Twilio's Messages API does, with error 21610 for
 * numbers marked as opted out at the carrier. Inbound texts and status callbacks are posted to the
 * instance signed as Twilio signs them, and each signature is checked with the Twilio library's
 * RequestValidator before it is sent.
 */
class DoubleOptInIT {

    private static final String SID = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "double-opt-in-test-token";
    private static final String PUBLIC_URL = "https://optline.test";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static HttpServer twilio;
    private static LocalPayara optline;
    private static ApiClient api;
    private static PageSession admin;
    private static final List<Map<String, String>> messages = new CopyOnWriteArrayList<>();
    private static final Set<String> optedOutAtCarrier = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger sids = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        twilio = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        twilio.createContext("/", DoubleOptInIT::answerAsTwilio);
        twilio.start();
        optline = LocalPayara.start("double-opt-in", List.of("optline.sms.gateway=twilio",
                "optline.twilio.base-url=http://127.0.0.1:" + twilio.getAddress().getPort(),
                "optline.twilio.account-sid=" + SID, "optline.twilio.auth-token=" + TOKEN,
                "optline.twilio.from=+15005550006", "optline.public.url=" + PUBLIC_URL,
                "optline.sms.quiet-hours.start=00:00:00", "optline.sms.quiet-hours.end=00:00:01"));
        api = new ApiClient(optline.base(), TestCredentials.apiToken());
        admin = PageSession.signedInAdmin(optline.base());
    }

    @AfterAll
    static void stop() {
        if (optline != null) {
            optline.close();
        }
        if (twilio != null) {
            twilio.stop(0);
        }
    }

    private static void answerAsTwilio(HttpExchange exchange) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            String[] parts = pair.split("=", 2);
            form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        String answer;
        int status;
        if (optedOutAtCarrier.contains(form.get("To"))) {
            status = 400;
            answer = "{\"code\": 21610, \"message\": \"Attempt to send to unsubscribed recipient\", \"status\": 400}";
        } else {
            String sid = "SM" + String.format("%032d", sids.incrementAndGet());
            form.put("sid", sid);
            status = 201;
            answer = "{\"sid\": \"" + sid + "\", \"status\": \"queued\"}";
        }
        messages.add(form);
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    // --- fixtures ---

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String mobile() {
        return TestPhones.icelandMobile();
    }

    /** Creates a live SMS opt-in type on the admin page, with double opt-in when asked, and returns its id. */
    private static String smsType(String name, boolean doubleOptIn) {
        List<String> fields = new ArrayList<>(List.of("message_type", "sms_message", "consent_type", "opt_in", "locale",
                "en", "name", name, "description", ""));
        if (doubleOptIn) {
            fields.addAll(List.of("double_opt_in", "on"));
        }
        HttpResponse<String> created = admin.htmxPost("/admin/subscriptions", fields.toArray(String[]::new));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String id = Http.json(api.get("/api/subscription_types")).getJsonArray("data").getValuesAs(JsonObject.class)
                .stream().filter(type -> type.getJsonObject("default_translation").getString("name").equals(name))
                .map(type -> type.getString("id")).findFirst().orElseThrow();
        HttpResponse<String> live = api.post("/api/subscription_types/" + id + "/put_live", "");
        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        assertThat(Http.json(live).getBoolean("double_opt_in")).isEqualTo(doubleOptIn);
        return id;
    }

    private static long contact(String phone) {
        String body = Json.createObjectBuilder().add("role", "user").add("name", "Ann " + unique())
                .add("email", unique() + "@doi.example").add("phone", phone).build().toString();
        HttpResponse<String> created = api.post("/api/contacts", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return Long.parseLong(Http.json(created).getString("id"));
    }

    private static HttpResponse<String> attach(long contact, String type) {
        return api.post("/api/contacts/" + contact + "/subscriptions", "{\"id\":\"" + type + "\"}");
    }

    private static List<Map<String, String>> messagesTo(String phone) {
        return messages.stream().filter(message -> phone.equals(message.get("To"))).toList();
    }

    private static long number(String sql, Object... parameters) {
        return TestDatabase.number(sql, parameters);
    }

    private static List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = TestDatabase.connect(); PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                        row.put(result.getMetaData().getColumnLabel(column), result.getObject(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(String sql, Object... parameters) {
        try (Connection connection = TestDatabase.connect(); PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns Twilio's X-Twilio-Signature of a POST to {@code url} with {@code parameters}. */
    private static String sign(String url, Map<String, String> parameters) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String signature = Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
            assertThat(new RequestValidator(TOKEN).validate(url, parameters, signature)).as("Twilio's validator").isTrue();
            return signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts a webhook as Twilio does: form-encoded, signed for the public URL, unless {@code signature} is given. */
    private static HttpResponse<String> postWebhook(String path, Map<String, String> parameters, String signature) {
        String body = parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(optline.base().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> textIn(String from, String body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        parameters.put("AccountSid", SID);
        parameters.put("From", from);
        parameters.put("To", "+15005550006");
        parameters.put("Body", body);
        return postWebhook("/webhooks/twilio/inbound", parameters, sign(PUBLIC_URL + "/webhooks/twilio/inbound", parameters));
    }

    private static Map<String, String> statusReport(String messageSid, String to, String status, String errorCode) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("MessageSid", messageSid);
        parameters.put("AccountSid", SID);
        parameters.put("To", to);
        parameters.put("From", "+15005550006");
        parameters.put("MessageStatus", status);
        parameters.put("ErrorCode", errorCode);
        return parameters;
    }

    private static long sendNow(String type, String body) {
        HttpResponse<String> response = admin.htmxPost("/admin/messages", "subscription_type_id", type, "segment_id", "",
                "body", body, "when", "now", "scheduled_at", "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String location = response.headers().firstValue("HX-Redirect").orElseThrow();
        long send = Long.parseLong(location.substring("/admin/messages/".length()));
        Poll.until("send " + send + " done", WAIT, () -> rows("SELECT state FROM sms_send WHERE id = ?", send)
                .getFirst().get("state"), "DONE"::equals);
        return send;
    }

    // --- tests ---

    @Test
    void apiOptInWaitsForYes() {
        String type = smsType("Deals " + unique(), true);
        String phone = mobile();
        long contact = contact(phone);

        HttpResponse<String> first = attach(contact, type);
        HttpResponse<String> repeated = attach(contact, type);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(Http.json(first).getString("id")).isEqualTo(type);
        assertThat(repeated.statusCode()).as(repeated.body()).isEqualTo(200);
        assertThat(Http.json(api.get("/api/contacts/" + contact + "/subscriptions")).getJsonArray("data")).isEmpty();
        assertThat(number("SELECT COUNT(*) FROM consent_event WHERE contact_id = ?", contact)).isZero();
        assertThat(rows("SELECT state, source, actor_kind FROM consent_pending WHERE contact_id = ?", contact))
                .containsExactly(Map.of("state", "PENDING", "source", "API", "actor_kind", "API_TOKEN"));
        assertThat(number("SELECT COUNT(*) FROM sms_notice WHERE contact_id = ? AND kind = 'DOUBLE_OPT_IN'", contact))
                .as("one confirmation text for two requests within the resend window").isEqualTo(1);
        Poll.until("confirmation text sent", WAIT, () -> messagesTo(phone), sent -> !sent.isEmpty());
        assertThat(messagesTo(phone)).hasSize(1);
        assertThat(messagesTo(phone).getFirst().get("Body")).contains("Reply YES within 30 days").contains("Deals");
        assertThat(messagesTo(phone).getFirst().get("StatusCallback")).isEqualTo(PUBLIC_URL + "/webhooks/twilio/status");

        long send = sendNow(type, "Pending contacts get nothing " + unique());

        assertThat(number("SELECT COUNT(*) FROM sms_recipient WHERE send_id = ? AND contact_id = ? AND state = 'SENT'",
                send, contact)).isZero();
        assertThat(messagesTo(phone)).as("only the confirmation text").hasSize(1);

        HttpResponse<String> yes = textIn(phone, "Yes!");

        assertThat(yes.statusCode()).as(yes.body()).isEqualTo(200);
        List<Map<String, Object>> events = rows("SELECT action, source, actor_kind, keyword, inbound_sms_id, ip_address "
                + "FROM consent_event WHERE contact_id = ? ORDER BY seq", contact);
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().get("action")).isEqualTo("OPT_IN");
        assertThat(events.getFirst().get("source")).isEqualTo("SMS_CONFIRMATION");
        assertThat(events.getFirst().get("actor_kind")).isEqualTo("CUSTOMER");
        assertThat(events.getFirst().get("keyword")).isEqualTo("YES");
        assertThat(events.getFirst().get("inbound_sms_id")).isNotNull();
        assertThat(events.getFirst().get("ip_address")).as("the API request's evidence").isEqualTo("127.0.0.1");
        assertThat(rows("SELECT state FROM consent_pending WHERE contact_id = ?", contact))
                .containsExactly(Map.of("state", "CONFIRMED"));
        assertThat(rows("SELECT kind FROM sms_inbound WHERE id = ?", events.getFirst().get("inbound_sms_id")))
                .containsExactly(Map.of("kind", "CONFIRM"));
        assertThat(Http.json(api.get("/api/contacts/" + contact + "/subscriptions")).getJsonArray("data")).hasSize(1);
        assertThat(Http.json(api.get("/api/contacts/" + contact + "/consent_chain")).getBoolean("intact")).isTrue();
        List<Map<String, String>> sent = Poll.until("the answer to YES", WAIT, () -> messagesTo(phone),
                messages -> messages.size() >= 2);
        assertThat(sent).as("the request and the answer to YES").hasSize(2);
        assertThat(sent.getLast().get("Body")).contains("Your subscription is confirmed").doesNotContain("again");
    }

    @Test
    void expiredOptInIsNotConfirmable() {
        String type = smsType("Alerts " + unique(), true);
        String phone = mobile();
        long contact = contact(phone);
        assertThat(attach(contact, type).statusCode()).isEqualTo(200);
        execute("UPDATE consent_pending SET requested_at = requested_at - INTERVAL 31 DAY, "
                + "expires_at = expires_at - INTERVAL 31 DAY WHERE contact_id = ?", contact);

        HttpResponse<String> yes = textIn(phone, "YES");

        assertThat(yes.statusCode()).isEqualTo(200);
        assertThat(number("SELECT COUNT(*) FROM consent_event WHERE contact_id = ?", contact)).isZero();
        assertThat(number("SELECT COUNT(*) FROM sms_notice WHERE contact_id = ? AND kind = 'OPT_IN'", contact)).isZero();

        HttpResponse<String> again = attach(contact, type);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(rows("SELECT state FROM consent_pending WHERE contact_id = ? ORDER BY id", contact))
                .as("the lapsed request, then a new one").containsExactly(Map.of("state", "EXPIRED"),
                        Map.of("state", "PENDING"));
        assertThat(number("SELECT COUNT(*) FROM sms_notice WHERE contact_id = ? AND kind = 'DOUBLE_OPT_IN'", contact))
                .isEqualTo(2);
    }

    @Test
    void optOutCancelsPendingOptIn() {
        String type = smsType("News " + unique(), true);
        long contact = contact(mobile());
        assertThat(attach(contact, type).statusCode()).isEqualTo(200);

        HttpResponse<String> detached = api.send(api.http().request("/api/contacts/" + contact + "/subscriptions/" + type)
                .DELETE());

        assertThat(detached.statusCode()).as(detached.body()).isEqualTo(200);
        assertThat(rows("SELECT state FROM consent_pending WHERE contact_id = ?", contact))
                .containsExactly(Map.of("state", "CANCELLED"));
    }

    @Test
    void carrierOptOutOnSendRecordsAndBlocks() {
        String type = smsType("Promos " + unique(), false);
        String other = smsType("Tips " + unique(), false);
        String phone = mobile();
        long contact = contact(phone);
        assertThat(attach(contact, type).statusCode()).isEqualTo(200);
        optedOutAtCarrier.add(phone);

        long send = sendNow(type, "Carrier test " + unique());

        assertThat(rows("SELECT state FROM sms_recipient WHERE send_id = ? AND contact_id = ?", send, contact))
                .containsExactly(Map.of("state", "FAILED"));
        List<Map<String, Object>> optOuts = rows("SELECT subscription_type_id, source, actor_kind FROM consent_event "
                + "WHERE contact_id = ? AND action = 'OPT_OUT' ORDER BY subscription_type_id", contact);
        assertThat(optOuts).extracting(row -> String.valueOf(row.get("subscription_type_id"))).contains(type, other);
        assertThat(optOuts).extracting(row -> row.get("source")).containsOnly("CARRIER");
        assertThat(optOuts).extracting(row -> row.get("actor_kind")).containsOnly("CARRIER");
        assertThat(rows("SELECT source FROM sms_number_block WHERE phone = ?", phone))
                .containsExactly(Map.of("source", "CARRIER"));
    }

    @Test
    void statusCallbackRecordsCarrierOptOut() {
        String type = smsType("Weekly " + unique(), false);
        String phone = mobile();
        long contact = contact(phone);
        assertThat(attach(contact, type).statusCode()).isEqualTo(200);
        sendNow(type, "Status test " + unique());
        Map<String, String> sent = messagesTo(phone).getFirst();
        String link = matchLink(sent.get("Body"));

        Map<String, String> otherError = statusReport(sent.get("sid"), phone, "undelivered", "30003");
        HttpResponse<String> unsigned = postWebhook("/webhooks/twilio/status", otherError, null);
        HttpResponse<String> undelivered = postWebhook("/webhooks/twilio/status", otherError,
                sign(PUBLIC_URL + "/webhooks/twilio/status", otherError));

        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(undelivered.statusCode()).isBetween(200, 299);
        assertThat(number("SELECT COUNT(*) FROM consent_event WHERE contact_id = ? AND action = 'OPT_OUT'", contact)).isZero();
        assertThat(rows("SELECT detail FROM sms_recipient WHERE provider_message_id = ?", sent.get("sid")).getFirst()
                .get("detail").toString()).contains("30003");
        assertThat(admin.get(link).body()).doesNotContain("start-notice");

        Map<String, String> optedOut = statusReport(sent.get("sid"), phone, "failed", "21610");
        HttpResponse<String> failed = postWebhook("/webhooks/twilio/status", optedOut,
                sign(PUBLIC_URL + "/webhooks/twilio/status", optedOut));

        assertThat(failed.statusCode()).isBetween(200, 299);
        assertThat(rows("SELECT source FROM consent_event WHERE contact_id = ? AND subscription_type_id = ? "
                + "AND action = 'OPT_OUT'", contact, Long.parseLong(type))).containsExactly(Map.of("source", "CARRIER"));
        String page = admin.get(link).body();
        assertThat(page).contains("id=\"start-notice\"").contains("text START to the number that sent them");

        // Switching the type on here records the customer's wish, but the carrier still blocks the number,
        // so the page keeps telling them to text START.
        String origin = "http://" + optline.base().getHost() + ":" + optline.base().getPort();
        String formToken = PageSession.document(admin.get(link)).selectFirst("input[name=form_token]").attr("value");
        HttpResponse<String> switchedOn = admin.post(link, Map.of("Origin", origin), "form_token", formToken,
                "shown", type, "subscription", type);

        assertThat(switchedOn.statusCode()).as(switchedOn.body()).isBetween(200, 399);
        assertThat(rows("SELECT source FROM consent_event WHERE contact_id = ? AND subscription_type_id = ? "
                + "ORDER BY seq DESC LIMIT 1", contact, Long.parseLong(type)))
                .containsExactly(Map.of("source", "PREFERENCE_CENTER"));
        assertThat(admin.get(link).body()).contains("id=\"start-notice\"");
    }

    @Test
    void blockedNumberGetsNoConfirmationRequest() {
        String type = smsType("Guarded " + unique(), true);
        String phone = mobile();
        assertThat(textIn(phone, "STOP").statusCode()).isEqualTo(200);
        Poll.until("the STOP confirmation", WAIT, () -> messagesTo(phone), sent -> !sent.isEmpty());
        long contact = contact(phone);

        HttpResponse<String> requested = attach(contact, type);

        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(200);
        String state = Poll.until("the confirmation request to be settled", WAIT,
                () -> rows("SELECT state FROM sms_notice WHERE contact_id = ? AND kind = 'DOUBLE_OPT_IN'", contact),
                found -> !found.isEmpty() && !"PENDING".equals(found.getFirst().get("state"))
                        && !"SENDING".equals(found.getFirst().get("state"))).getFirst().get("state").toString();
        assertThat(state).isEqualTo("FAILED");
        assertThat(messagesTo(phone)).as("only the STOP confirmation").hasSize(1);
    }

    /** Returns the path of the preference center link at the end of a sent message. */
    private static String matchLink(String body) {
        Matcher link = Pattern.compile(Pattern.quote(PUBLIC_URL) + "(/p/[A-Za-z0-9_-]+)").matcher(body);
        assertThat(link.find()).as(body).isTrue();
        return link.group(1);
    }
}
