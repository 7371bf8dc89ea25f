package org.optline.it.preferences;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.optline.it.support.ApiClient;
import org.optline.it.support.Http;
import org.optline.it.support.LocalOptline;
import org.optline.it.support.OptlineDeployment;
import org.optline.it.support.PageSession;
import org.optline.it.support.SubscriptionTypeFixtures;
import org.optline.it.support.TestCredentials;
import org.optline.it.support.TestDatabase;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer's SMS preference center at {@code /p/{token}} over plain HTTP, as a phone's browser and
 * an attacker reach it. No HTTP endpoint hands out links, so the test inserts them with SQL as hashes of
 * tokens it generates. Consent changes come only from the app.
 */
@ExtendWith(ArquillianExtension.class)
class PreferenceCenterIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String USER_AGENT = "PreferenceCenterIT phone browser";
    private static final String FOREIGN_ORIGIN = "http://127.0.0.1:7";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return OptlineDeployment.packagedWar();
    }

    @ArquillianResource
    URL deployment;

    private URI base;
    private Http http;
    private ApiClient api;
    private SubscriptionTypeFixtures types;

    @BeforeEach
    void connect() {
        base = LocalOptline.base(deployment);
        http = new Http(base);
        api = new ApiClient(base, TestCredentials.apiToken());
        types = new SubscriptionTypeFixtures(api);
    }

    @Test
    void getAndHeadChangeNothing() {
        String type = liveType("Scanned");
        long contact = contact("+447400100001", null);
        optInByApi(contact, type);
        String link = link(contact, Instant.parse("2099-01-01T00:00:00Z"));
        int before = events(contact).size();

        HttpResponse<String> get = http.send(http.request(link).header("User-Agent", USER_AGENT).GET().build());
        HttpResponse<String> head = http.send(http.request(link).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        HttpResponse<String> getAgain = http.send(http.request(link + "?saved=true").GET().build());

        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(getAgain.statusCode()).isEqualTo(200);
        assertThat(events(contact)).hasSize(before);
        assertThat(switchOf(get, type).hasAttr("checked")).isTrue();
    }

    @Test
    void pageIsPublicUnframedAndCookieless() {
        long contact = contact("+447400100002", null);
        String link = link(contact, Instant.parse("2099-01-01T00:00:00Z"));

        HttpResponse<String> page = http.send(http.request(link).GET().build());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(page.headers().firstValue("X-Robots-Tag")).contains("noindex");
        assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void wrongAlteredExpiredTokensAnswerAlike() throws SQLException {
        long contact = contact("+447400100003", null);
        String valid = link(contact, Instant.parse("2099-01-01T00:00:00Z"));
        String expired = link(contact, Instant.parse("2000-01-01T00:00:00Z"));
        String altered = valid.substring(0, valid.length() - 1) + (valid.endsWith("A") ? "B" : "A");
        long deleted = contact("+447400100004", null);
        String ofDeleted = link(deleted, Instant.parse("2099-01-01T00:00:00Z"));
        deleteContact(deleted);

        List<HttpResponse<String>> answers = new ArrayList<>();
        for (String path : List.of("/p/" + token(), altered, expired, ofDeleted, "/p/x")) {
            answers.add(http.send(http.request(path).header("Accept-Language", "en").GET().build()));
        }

        HttpResponse<String> first = answers.getFirst();
        assertThat(first.statusCode()).isEqualTo(404);
        assertThat(first.body()).contains("This link does not work");
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(404);
            assertThat(answer.body()).as(answer.uri().toString()).isEqualTo(first.body());
            assertThat(answer.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));
        }
        assertThat(http.send(http.request(valid).GET().build()).statusCode()).isEqualTo(200);
    }

    @Test
    void invalidTokenPostChangesNothing() {
        long contact = contact("+447400100005", null);
        String type = liveType("Expired post");
        optInByApi(contact, type);
        String expired = link(contact, Instant.parse("2000-01-01T00:00:00Z"));
        int before = events(contact).size();

        HttpResponse<String> post = post(expired, origin(), "form_token", "anything",
                "unsubscribe_all", "true");

        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(events(contact)).hasSize(before);
    }

    @Test
    void switchingOffRecordsEventWithEvidence() {
        String type = liveType("Switch off");
        long contact = contact("+447400100006", null);
        optInByApi(contact, type);
        String link = link(contact, Instant.parse("2099-01-01T00:00:00Z"));
        Document page = PageSession.document(http.send(http.request(link).GET().build()));

        HttpResponse<String> post = post(link, origin(), "form_token", formToken(page), "shown", type);

        assertThat(post.statusCode()).as(post.body()).isEqualTo(303);
        assertThat(post.headers().firstValue("Location").orElse("")).endsWith(link + "?saved=true");
        JsonObject last = events(contact).getLast();
        assertThat(last.getString("subscription_type_id")).isEqualTo(type);
        assertThat(last.getString("action")).isEqualTo("opt_out");
        assertThat(last.getString("source")).isEqualTo("preference_center");
        assertThat(last.getString("actor_kind")).isEqualTo("customer");
        assertThat(last.getString("ip_address")).isEqualTo("127.0.0.1");
        assertThat(last.getString("user_agent")).isEqualTo(USER_AGENT);
        JsonObject shown = last.getJsonObject("shown_text");
        assertThat(shown.getString("title")).startsWith("Switch off");
        assertThat(shown.getString("button")).isEqualTo("Save preferences");
        assertThat(shown.getString("legal_text")).contains("Choose which text messages");

        PageSession admin = PageSession.signedInAdmin(base);
        String history = admin.htmxGet("/admin/contacts/" + contact + "/consent-history").body();
        assertThat(history).contains("preference center");
        HttpResponse<String> after = http.send(http.request(link + "?saved=true").GET().build());
        assertThat(switchOf(after, type).hasAttr("checked")).isFalse();
        assertThat(after.body()).contains("Your preferences are saved.");
    }

    @Test
    void switchingOffCoversSharedNumber() {
        String deals = liveType("Shared deals");
        String news = liveType("Shared news");
        String tips = liveType("Shared tips");
        long customer = contact("+447400100031", null);
        long household = contact("+447400100031", null);
        long neighbour = contact("+447400100032", null);
        optInByApi(customer, deals);
        optInByApi(household, deals);
        optInByApi(household, tips);
        optInByApi(neighbour, deals);
        String link = link(customer, Instant.parse("2099-01-01T00:00:00Z"));
        Document page = PageSession.document(http.send(http.request(link).GET().build()));
        int householdBefore = events(household).size();
        int neighbourBefore = events(neighbour).size();

        // Deals goes off, news goes on, and tips stays off, as the customer's page showed it.
        HttpResponse<String> post = post(link, origin(), "form_token", formToken(page), "shown", deals,
                "shown", news, "subscription", news, "shown", tips);

        assertThat(post.statusCode()).as(post.body()).isEqualTo(303);
        List<JsonObject> added = events(household).subList(householdBefore, events(household).size());
        assertThat(added).extracting(event -> event.getString("subscription_type_id"))
                .containsExactlyInAnyOrder(deals, tips);
        for (JsonObject shared : added) {
            assertThat(shared.getString("action")).isEqualTo("opt_out");
            assertThat(shared.getString("source")).isEqualTo("preference_center");
            assertThat(shared.getString("actor_kind")).isEqualTo("customer");
            assertThat(shared.getString("phone")).isEqualTo("+447400100031");
            assertThat(shared.getString("ip_address")).isEqualTo("127.0.0.1");
            assertThat(shared.getString("user_agent")).isEqualTo(USER_AGENT);
        }
        assertThat(events(neighbour)).hasSize(neighbourBefore);
        assertThat(subscribedTypes(customer)).contains(news).doesNotContain(deals, tips);
        assertThat(subscribedTypes(household)).doesNotContain(deals, news, tips);
        assertThat(subscribedTypes(neighbour)).contains(deals);
    }

    @Test
    void formTokenOfOtherContactRejected() {
        String type = liveType("Cross contact");
        long alice = contact("+447400100007", null);
        long bob = contact("+447400100008", null);
        optInByApi(bob, type);
        String aliceLink = link(alice, Instant.parse("2099-01-01T00:00:00Z"));
        String bobLink = link(bob, Instant.parse("2099-01-01T00:00:00Z"));
        String aliceFormToken = formToken(PageSession.document(http.send(http.request(aliceLink).GET().build())));
        int before = events(bob).size();

        HttpResponse<String> withAliceToken = post(bobLink, origin(), "form_token", aliceFormToken,
                "unsubscribe_all", "true");
        HttpResponse<String> withoutToken = post(bobLink, origin(), "unsubscribe_all", "true");

        assertThat(withAliceToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withAliceToken.body()).contains("This page is out of date");
        assertThat(events(bob)).hasSize(before);
    }

    @Test
    void postFromOtherSiteRejected() {
        String type = liveType("Cross site");
        long contact = contact("+447400100009", null);
        optInByApi(contact, type);
        String link = link(contact, Instant.parse("2099-01-01T00:00:00Z"));
        String formToken = formToken(PageSession.document(http.send(http.request(link).GET().build())));
        int before = events(contact).size();

        HttpResponse<String> post = post(link, FOREIGN_ORIGIN, "form_token", formToken, "unsubscribe_all", "true");

        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(events(contact)).hasSize(before);
        Document page = PageSession.document(post);
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("[role=alert]").text()).contains("This page is out of date, so nothing was changed");
        assertThat(page.select("form[action=" + link + "]")).hasSize(1);
    }

    @Test
    void unsubscribeAllIsOneStep() {
        String deals = liveType("All deals");
        String news = liveType("All news");
        long contact = contact("+447400100010", null);
        optInByApi(contact, deals);
        optInByApi(contact, news);
        String link = link(contact, Instant.parse("2099-01-01T00:00:00Z"));
        Document page = PageSession.document(http.send(http.request(link).GET().build()));
        int before = events(contact).size();

        HttpResponse<String> post = post(link, origin(), "form_token", formToken(page), "shown", deals,
                "subscription", deals, "unsubscribe_all", "true");

        assertThat(post.statusCode()).as(post.body()).isEqualTo(303);
        List<JsonObject> added = events(contact).subList(before, events(contact).size());
        assertThat(added).extracting(event -> event.getString("action")).containsOnly("opt_out");
        assertThat(added).extracting(event -> event.getString("subscription_type_id")).contains(deals, news);
        assertThat(added).extracting(event -> event.getJsonObject("shown_text").getString("button"))
                .containsOnly("Unsubscribe from all");
        HttpResponse<String> after = http.send(http.request(link).GET().build());
        assertThat(PageSession.document(after).select("input[name=subscription][checked]")).isEmpty();
    }

    @Test
    void customerOptsInAgainFromPage() {
        String type = liveType("Again");
        long contact = contact("+447400100011", null);
        optInByApi(contact, type);
        String link = link(contact, Instant.parse("2099-01-01T00:00:00Z"));
        String formToken = formToken(PageSession.document(http.send(http.request(link).GET().build())));
        assertThat(post(link, origin(), "form_token", formToken, "shown", type).statusCode()).isEqualTo(303);

        HttpResponse<String> again = post(link, origin(), "form_token", formToken, "shown", type,
                "subscription", type);

        assertThat(again.statusCode()).as(again.body()).isEqualTo(303);
        JsonObject last = events(contact).getLast();
        assertThat(last.getString("action")).isEqualTo("opt_in");
        assertThat(last.getString("source")).isEqualTo("preference_center");
        assertThat(last.getString("actor_kind")).isEqualTo("customer");
        assertThat(switchOf(http.send(http.request(link).GET().build()), type).hasAttr("checked")).isTrue();
    }

    @Test
    void pageInContactOrBrowserLanguage() {
        long german = contact("+447400100012", "de");
        long unset = contact("+447400100013", null);
        String germanLink = link(german, Instant.parse("2099-01-01T00:00:00Z"));
        String unsetLink = link(unset, Instant.parse("2099-01-01T00:00:00Z"));

        Document overridden = PageSession.document(http.send(http.request(germanLink)
                .header("Accept-Language", "fr-FR,fr;q=0.9").GET().build()));
        Document french = PageSession.document(http.send(http.request(unsetLink)
                .header("Accept-Language", "fr-FR,fr;q=0.9").GET().build()));
        Document spanish = PageSession.document(http.send(http.request(unsetLink)
                .header("Accept-Language", "it;q=0.9,es;q=0.8").GET().build()));
        Document fallback = PageSession.document(http.send(http.request(unsetLink)
                .header("Accept-Language", "it").GET().build()));

        assertThat(overridden.title()).isEqualTo("Ihre SMS-Einstellungen");
        assertThat(overridden.selectFirst("html").attr("lang")).isEqualTo("de");
        assertThat(french.title()).isEqualTo("Vos préférences de SMS");
        assertThat(spanish.title()).isEqualTo("Tus preferencias de SMS");
        assertThat(fallback.title()).isEqualTo("Your text message preferences");
    }

    @Test
    void requestsOverIpLimitGetSameResponse() throws SQLException {
        String type = liveType("Limited");
        long contact = contact("+447400100020", null);
        optInByApi(contact, type);
        String valid = link(contact, Instant.parse("2099-01-01T00:00:00Z"));
        String wrong = "/p/" + token();
        clearPreferenceCounters();
        String formToken = formToken(PageSession.document(http.send(http.request(valid).GET().build())));
        int before = events(contact).size();
        try {
            List<HttpResponse<String>> limited = List.of();
            // A one-minute window may end during a round, which resets the counter; a second round then fits in one window.
            for (int round = 0; round < 3 && limited.isEmpty(); round++) {
                limited = floodUntilLimited(valid, wrong, formToken);
            }

            assertThat(limited).as("four 429 responses within one window").hasSize(4);
            HttpResponse<String> validGet = limited.get(0);
            HttpResponse<String> wrongGet = limited.get(3);
            assertThat(validGet.body()).contains("Too many requests").doesNotContain("Limited");
            assertThat(validGet.body()).isEqualTo(wrongGet.body());
            assertThat(validGet.headers().firstValue("Content-Type")).isEqualTo(wrongGet.headers().firstValue("Content-Type"));
            for (HttpResponse<String> response : limited) {
                long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
                assertThat(retryAfter).as(response.request().method() + " " + response.uri()).isBetween(1L, 60L);
            }
            assertThat(events(contact)).as("a rejected POST records nothing").hasSize(before);
        } finally {
            clearPreferenceCounters();
        }
    }

    /**
     * Sends GETs of {@code valid} until one gets 429, at most 125 (two windows of the default limit of 60),
     * then a GET, HEAD and POST of {@code valid} and a GET of {@code wrong}. Returns those four responses
     * when all four are 429, else an empty list.
     */
    private List<HttpResponse<String>> floodUntilLimited(String valid, String wrong, String formToken) {
        boolean limited = false;
        for (int i = 0; i < 125 && !limited; i++) {
            HttpResponse<String> response = http.send(http.request(valid).GET().build());
            limited = response.statusCode() == 429;
            if (!limited) {
                assertThat(response.statusCode()).as("request %d", i).isEqualTo(200);
            }
        }
        assertThat(limited).as("a 429 response within 125 requests").isTrue();
        List<HttpResponse<String>> responses = List.of(
                http.send(http.request(valid).header("Accept-Language", "en").GET().build()),
                http.send(http.request(valid).method("HEAD", HttpRequest.BodyPublishers.noBody()).build()),
                post(valid, origin(), "form_token", formToken, "unsubscribe_all", "true"),
                http.send(http.request(wrong).header("Accept-Language", "en").GET().build()));
        return responses.stream().allMatch(response -> response.statusCode() == 429) ? responses : List.of();
    }

    /** Deletes this address's preference center counters, so that the limit does not reach other tests. */
    private static void clearPreferenceCounters() throws SQLException {
        try (Connection connection = TestDatabase.connect(); PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM rate_limit_window WHERE bucket LIKE 'preference-ip:%'")) {
            delete.executeUpdate();
        }
    }

    private String liveType(String name) {
        String id = types.createSmsOptIn(name + " " + SubscriptionTypeFixtures.unique(), "Texts for " + name);
        types.putLive(id);
        return id;
    }

    private long contact(String phone, String language) {
        var body = Json.createObjectBuilder().add("role", "user")
                .add("email", "prefs-" + SubscriptionTypeFixtures.unique() + "@example.com")
                .add("phone", phone);
        if (language != null) {
            body.add("language_override", language);
        }
        HttpResponse<String> created = api.post("/api/contacts", body.build().toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return Long.parseLong(Http.json(created).getString("id"));
    }

    private void optInByApi(long contact, String type) {
        HttpResponse<String> attached = api.post("/api/contacts/" + contact + "/subscriptions", "{\"id\":\"" + type + "\"}");
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(200);
    }

    /** Returns the ids of the types the API lists for the contact: its opt-ins and opt-outs of opt-out types. */
    private List<String> subscribedTypes(long contact) {
        HttpResponse<String> response = api.get("/api/contacts/" + contact + "/subscriptions");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response).getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .map(type -> type.getString("id"))
                .toList();
    }

    private List<JsonObject> events(long contact) {
        HttpResponse<String> response = api.get("/api/contacts/" + contact + "/consent_events");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response).getJsonArray("data").getValuesAs(JsonObject.class);
    }

    /** Inserts a link for the contact that expires at {@code expiresAt} and returns its path. */
    private static String link(long contact, Instant expiresAt) {
        String token = token();
        try (Connection connection = TestDatabase.connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO preference_link (token_hash, contact_id, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
            insert.setBytes(1, MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
            insert.setLong(2, contact);
            insert.setTimestamp(3, Timestamp.from(Instant.parse("1999-01-01T00:00:00Z")));
            insert.setTimestamp(4, Timestamp.from(expiresAt));
            insert.executeUpdate();
        } catch (SQLException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Inserting a preference link for contact " + contact + " failed", e);
        }
        return "/p/" + token;
    }

    private static void deleteContact(long contact) throws SQLException {
        try (Connection connection = TestDatabase.connect(); PreparedStatement update = connection.prepareStatement(
                "UPDATE contact SET deleted_at = UTC_TIMESTAMP(6) WHERE id = ?")) {
            update.setLong(1, contact);
            update.executeUpdate();
        }
    }

    private static String token() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String origin() {
        return "http://" + base.getHost() + ":" + base.getPort();
    }

    private HttpResponse<String> post(String path, String origin, String... fields) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < fields.length; i += 2) {
            pairs.add(URLEncoder.encode(fields[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return http.send(http.request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", origin)
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(pairs.stream().collect(Collectors.joining("&"))))
                .build());
    }

    private static String formToken(Document page) {
        return page.selectFirst("input[name=form_token]").attr("value");
    }

    /** Returns the switch of a type, failing unless exactly one label names it. */
    private static Element switchOf(HttpResponse<String> page, String type) {
        Document document = PageSession.document(page);
        Element control = document.getElementById("subscription-" + type);
        assertThat(control).as("switch of type " + type).isNotNull();
        assertThat(document.select("label[for=subscription-" + type + "]")).hasSize(1);
        return control;
    }
}
