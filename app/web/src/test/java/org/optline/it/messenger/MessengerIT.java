package org.optline.it.messenger;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.optline.it.support.ApiClient;
import org.optline.it.support.Http;
import org.optline.it.support.LocalOptline;
import org.optline.it.support.MessengerAdmin;
import org.optline.it.support.OptlineDeployment;
import org.optline.it.support.PageSession;
import org.optline.it.support.TestCredentials;
import org.optline.it.support.TestDatabase;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The messenger's public endpoints over plain HTTP, as the widget and an attacker call them: the
 * origin allow-list on session and preflight, identity verification, tokens, origins of state changes,
 * rate limits, the frame's headers, and the size of the widget's first render.
 */
@ExtendWith(ArquillianExtension.class)
class MessengerIT {

    /** Origins of websites that no test starts; no request is sent to them. */
    private static final String SHOP = "http://127.0.0.1:9";
    private static final String EVIL = "http://127.0.0.1:7";
    private static final String TOKEN_HEADER = "X-Optline-Messenger-Token";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return OptlineDeployment.packagedWar();
    }

    @ArquillianResource
    URL deployment;

    private URI base;
    private Http http;
    private MessengerAdmin admin;

    @BeforeEach
    void connect() {
        base = LocalOptline.base(deployment);
        http = new Http(base);
        admin = new MessengerAdmin(base);
        admin.allowOrigins(SHOP);
    }

    @Test
    void preflightAnsweredForAllowedOriginOnly() {
        HttpResponse<String> allowed = preflight(SHOP);
        HttpResponse<String> foreign = preflight(EVIL);

        assertThat(allowed.statusCode()).isEqualTo(204);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(SHOP);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("")).containsIgnoringCase("content-type");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void sessionFromForeignOriginRejected() {
        HttpResponse<String> foreign = session(EVIL, Json.createObjectBuilder().add("visitor_id", visitorId()));
        HttpResponse<String> withoutOrigin = http.send(http.request("/messenger/session")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"visitor_id\":\"" + visitorId() + "\"}")).build());

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(foreign.body()).doesNotContain("token");
        assertThat(withoutOrigin.statusCode()).isEqualTo(403);
    }

    @Test
    void originRemovedFromListEndsItsTokens() {
        String token = anonymousToken(visitorId());
        assertThat(parts(token).statusCode()).isEqualTo(200);

        admin.allowOrigins("https://other.example");

        assertThat(parts(token).statusCode()).isEqualTo(401);
        assertThat(session(SHOP, Json.createObjectBuilder().add("visitor_id", visitorId())).statusCode()).isEqualTo(403);
    }

    @Test
    void sameVisitorFindsOwnConversation() {
        String visitor = visitorId();
        String first = anonymousToken(visitor);
        String text = "Where is order " + UUID.randomUUID() + "?";

        assertThat(write(first, text, base.getScheme() + "://" + base.getAuthority()).statusCode()).isEqualTo(204);
        String second = anonymousToken(visitor);

        assertThat(second).isNotEqualTo(first);
        assertThat(parts(second).body()).contains(text);
        assertThat(parts(anonymousToken(visitorId())).body()).doesNotContain(text);
    }

    @Test
    void invalidVisitorIdNamedInError() {
        HttpResponse<String> response = session(SHOP, Json.createObjectBuilder().add("visitor_id", "short"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).getString("error")).contains("visitor_id 'short' is invalid");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(SHOP);
    }

    @Test
    void identifiedUserNeedsMatchingHash() {
        String secret = admin.identitySecret();
        String userId = "user-" + UUID.randomUUID();

        HttpResponse<String> withoutHash = session(SHOP, Json.createObjectBuilder().add("user_id", userId));
        HttpResponse<String> otherUsersHash = session(SHOP, Json.createObjectBuilder().add("user_id", userId)
                .add("user_hash", hmac(secret, "user-someone-else")));
        HttpResponse<String> wrongSecret = session(SHOP, Json.createObjectBuilder().add("user_id", userId)
                .add("user_hash", hmac("not-the-secret", userId)));
        HttpResponse<String> emailWithoutHash = session(SHOP, Json.createObjectBuilder().add("email", "ann@example.com"));
        HttpResponse<String> valid = session(SHOP, Json.createObjectBuilder().add("user_id", userId)
                .add("user_hash", hmac(secret, userId)));

        assertThat(withoutHash.statusCode()).isEqualTo(403);
        assertThat(Http.json(withoutHash).getString("error")).contains("user_hash is missing or does not match user_id");
        assertThat(otherUsersHash.statusCode()).isEqualTo(403);
        assertThat(wrongSecret.statusCode()).isEqualTo(403);
        assertThat(emailWithoutHash.statusCode()).isEqualTo(403);
        assertThat(valid.statusCode()).isEqualTo(200);
        assertThat(Http.json(valid).getString("token")).isNotBlank();
    }

    @Test
    void userCannotReadAnotherUsersConversation() {
        String secret = admin.identitySecret();
        String ann = "ann-" + UUID.randomUUID();
        String bob = "bob-" + UUID.randomUUID();
        String annsToken = userToken(secret, ann);
        String secretText = "Ann's private question " + UUID.randomUUID();
        assertThat(write(annsToken, secretText, null).statusCode()).isEqualTo(204);

        String bobsToken = userToken(secret, bob);
        HttpResponse<String> bobsView = parts(bobsToken);
        HttpResponse<String> bobPosingAsAnn = session(SHOP, Json.createObjectBuilder().add("user_id", ann)
                .add("user_hash", hmac(secret, bob)));

        assertThat(parts(annsToken).body()).contains(secretText);
        assertThat(bobsView.statusCode()).isEqualTo(200);
        assertThat(bobsView.body()).doesNotContain(secretText);
        assertThat(bobPosingAsAnn.statusCode()).isEqualTo(403);
        assertThat(parts(withContact(bobsToken, contactOf(annsToken))).statusCode()).isEqualTo(401);
    }

    @Test
    void emailBesideUserIdIsIgnored() {
        String secret = admin.identitySecret();
        String victimEmail = "victim-" + UUID.randomUUID() + "@example.com";
        String mallory = "mallory-" + UUID.randomUUID();
        String victimsToken = sessionToken(session(SHOP, Json.createObjectBuilder().add("email", victimEmail)
                .add("user_hash", hmac(secret, victimEmail))));

        HttpResponse<String> malloryWithVictimsEmail = session(SHOP, Json.createObjectBuilder().add("user_id", mallory)
                .add("user_hash", hmac(secret, mallory)).add("email", victimEmail));
        String victimAgain = sessionToken(session(SHOP, Json.createObjectBuilder().add("email", victimEmail.toUpperCase())
                .add("user_hash", hmac(secret, victimEmail.toUpperCase()))));

        assertThat(malloryWithVictimsEmail.statusCode()).as(malloryWithVictimsEmail.body()).isEqualTo(200);
        long mallorysContact = contactOf(Http.json(malloryWithVictimsEmail).getString("token"));
        assertThat(mallorysContact).isNotEqualTo(contactOf(victimsToken));
        assertThat(TestDatabase.number("SELECT COUNT(*) FROM contact WHERE id = ? AND email IS NULL", mallorysContact))
                .isEqualTo(1);
        assertThat(contactOf(victimAgain)).as("an email is matched in lower case").isEqualTo(contactOf(victimsToken));
    }

    @Test
    void otherCaseOfUserIdGetsNoContact() {
        String secret = admin.identitySecret();
        String alice = "alice-" + UUID.randomUUID();
        String alicesToken = userToken(secret, alice);
        String shouting = alice.toUpperCase();

        HttpResponse<String> upperCase = session(SHOP, Json.createObjectBuilder().add("user_id", shouting)
                .add("user_hash", hmac(secret, shouting)));

        assertThat(upperCase.statusCode()).as(upperCase.body()).isEqualTo(409);
        assertThat(upperCase.body()).doesNotContain("token").doesNotContain(String.valueOf(contactOf(alicesToken)))
                .doesNotContain("id=");
        assertThat(TestDatabase.number("SELECT COUNT(*) FROM contact WHERE external_id = ?", alice)).isEqualTo(1);
    }

    @Test
    void nonAsciiUserIdStartsSession() {
        String secret = admin.identitySecret();
        String userId = "jos\u00e9-\u7528\u6237-" + UUID.randomUUID();

        HttpResponse<String> response = session(SHOP, Json.createObjectBuilder().add("user_id", userId)
                .add("user_hash", hmac(secret, userId)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(userToken(secret, userId)).isNotBlank();
    }

    @Test
    void wrongHashesDoNotLockOutUser() {
        String secret = admin.identitySecret();
        String userId = "target-" + UUID.randomUUID();
        // More wrong hashes than the 60 requests per minute an identity may make.
        for (int i = 0; i < 65; i++) {
            HttpResponse<String> wrong = session(SHOP, Json.createObjectBuilder().add("user_id", userId)
                    .add("user_hash", hmac(secret, "guess-" + i)));
            assertThat(wrong.statusCode()).as("wrong hash %d", i).isEqualTo(403);
        }

        HttpResponse<String> owner = session(SHOP, Json.createObjectBuilder().add("user_id", userId)
                .add("user_hash", hmac(secret, userId)));

        assertThat(owner.statusCode()).as(owner.body()).isEqualTo(200);
    }

    @Test
    void sessionsCreateLeadOnFirstMessage() {
        long contactsBefore = TestDatabase.number("SELECT COUNT(*) FROM contact");
        String visitor = visitorId();
        String token = anonymousToken(visitor);
        for (int i = 0; i < 10; i++) {
            assertThat(parts(anonymousToken(visitorId())).statusCode()).isEqualTo(200);
        }

        assertThat(parts(token).statusCode()).isEqualTo(200);
        assertThat(TestDatabase.number("SELECT COUNT(*) FROM contact")).isEqualTo(contactsBefore);

        assertThat(write(token, "First words " + UUID.randomUUID(), null).statusCode()).isEqualTo(204);
        assertThat(TestDatabase.number("SELECT COUNT(*) FROM contact")).isEqualTo(contactsBefore + 1);
        long lead = TestDatabase.number("SELECT contact_id FROM messenger_visitor WHERE visitor_id = ?", visitor);
        assertThat(TestDatabase.number("SELECT COUNT(*) FROM contact WHERE id = ? AND role = 'LEAD'", lead)).isEqualTo(1);
    }

    @Test
    void deletedContactEndsItsTokens() {
        String secret = admin.identitySecret();
        String userId = "leaving-" + UUID.randomUUID();
        String token = userToken(secret, userId);
        assertThat(parts(token).statusCode()).isEqualTo(200);

        deleteContact(contactOf(token));

        assertThat(parts(token).statusCode()).isEqualTo(401);
        assertThat(write(token, "Still here?", null).statusCode()).isEqualTo(401);
    }

    @Test
    void deletedLeadReplacedOnNextMessage() {
        String visitor = visitorId();
        String token = anonymousToken(visitor);
        String text = "Before the deletion " + UUID.randomUUID();
        assertThat(write(token, text, null).statusCode()).isEqualTo(204);
        long firstLead = TestDatabase.number("SELECT contact_id FROM messenger_visitor WHERE visitor_id = ?", visitor);

        deleteContact(firstLead);
        long contactsAfterDeletion = TestDatabase.number("SELECT COUNT(*) FROM contact");
        String again = anonymousToken(visitor);
        anonymousToken(visitor);

        assertThat(TestDatabase.number("SELECT COUNT(*) FROM contact")).isEqualTo(contactsAfterDeletion);
        assertThat(parts(again).body()).doesNotContain(text);
        assertThat(write(again, "After the deletion", null).statusCode()).isEqualTo(204);
        long secondLead = TestDatabase.number("SELECT contact_id FROM messenger_visitor WHERE visitor_id = ?", visitor);
        assertThat(secondLead).isNotEqualTo(firstLead);
        assertThat(TestDatabase.number("SELECT COUNT(*) FROM messenger_visitor WHERE visitor_id = ?", visitor)).isEqualTo(1);
        assertThat(parts(anonymousToken(visitor)).body()).contains("After the deletion");
        assertThat(TestDatabase.number("SELECT COUNT(*) FROM contact")).isEqualTo(contactsAfterDeletion + 1);
    }

    @Test
    void errorUnderMessengerIsSmallNotice() {
        HttpResponse<String> unknown = http.send(http.request("/messenger/no-such-page").GET().build());
        HttpResponse<String> badParameter = http.send(http.request("/messenger/conversation/parts?after=not-a-number")
                .header(TOKEN_HEADER, anonymousToken(visitorId())).GET().build());

        for (HttpResponse<String> response : java.util.List.of(unknown, badParameter)) {
            assertThat(response.statusCode()).as(response.uri().toString()).isBetween(400, 499);
            assertThat(response.headers().allValues("Set-Cookie")).as(response.uri().toString()).isEmpty();
            assertThat(response.body()).as(response.uri().toString()).doesNotContainIgnoringCase("<html")
                    .doesNotContainIgnoringCase("<nav");
            assertThat(Jsoup.parse(response.body()).select("[role=alert]")).as(response.uri().toString()).hasSize(1);
        }
    }

    @Test
    void forgedOrMissingTokenRejected() {
        String token = anonymousToken(visitorId());
        String flipped = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        assertThat(parts(flipped).statusCode()).isEqualTo(401);
        assertThat(parts("v1.bm90LWEtdG9rZW4.c2lnbmF0dXJl").statusCode()).isEqualTo(401);
        assertThat(http.send(http.request("/messenger/conversation/parts?after=0").GET().build()).statusCode())
                .isEqualTo(401);
        assertThat(write(flipped, "Hello", null).statusCode()).isEqualTo(401);
        assertThat(write(withContact(token, 1), "Hello", null).statusCode()).isEqualTo(401);
    }

    @Test
    void messageFromForeignOriginRejected() {
        String token = anonymousToken(visitorId());
        String text = "Sent from a foreign page " + UUID.randomUUID();

        HttpResponse<String> foreign = write(token, text, EVIL);
        HttpResponse<String> allowListedButNotFrame = write(token, text, SHOP);
        HttpResponse<String> otherScheme = write(token, text, "https://" + base.getAuthority());

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(allowListedButNotFrame.statusCode()).isEqualTo(403);
        assertThat(otherScheme.statusCode()).isEqualTo(403);
        assertThat(parts(token).body()).doesNotContain(text);
    }

    @Test
    void blankMessageRejectedInContactsLanguage() {
        String token = anonymousToken(visitorId());

        HttpResponse<String> response = http.send(http.request("/messenger/conversation/messages?locale=fr")
                .header(TOKEN_HEADER, token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("body=%20%20")).build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(response.body()).text()).isEqualTo("Écrivez un message avant de l’envoyer.");
    }

    @Test
    void sessionsOfOneVisitorAreRateLimited() {
        String visitor = visitorId();
        HttpResponse<String> limited = null;
        // 125 requests span at most two one-minute windows, so one window contains more than the limit of 60.
        for (int i = 0; i < 125 && limited == null; i++) {
            HttpResponse<String> response = session(SHOP, Json.createObjectBuilder().add("visitor_id", visitor));
            if (response.statusCode() == 429) {
                limited = response;
            } else {
                assertThat(response.statusCode()).as("request %d", i).isEqualTo(200);
            }
        }

        assertThat(limited).as("a 429 response within 125 requests").isNotNull();
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(limited.headers().firstValue("Access-Control-Allow-Origin")).contains(SHOP);
        assertThat(session(SHOP, Json.createObjectBuilder().add("visitor_id", visitorId())).statusCode()).isEqualTo(200);
    }

    @Test
    void framePageMayBeFramedByAllowedOriginsOnly() {
        HttpResponse<String> frame = http.send(http.request("/messenger/frame").GET().build());

        assertThat(frame.statusCode()).isEqualTo(200);
        String policy = frame.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(frame.headers().allValues("Content-Security-Policy")).hasSize(1);
        assertThat(policy).contains("frame-ancestors " + SHOP + ";");
        assertThat(policy).contains("script-src 'self'");
        assertThat(frame.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(frame.body()).doesNotContain("token=");

        Document page = Jsoup.parse(frame.body());
        for (String source : page.select("script[src]").eachAttr("src")) {
            assertThat(http.send(http.request(source).GET().build()).statusCode()).as(source).isEqualTo(200);
        }
        for (String source : page.select("link[rel=stylesheet]").eachAttr("href")) {
            assertThat(http.send(http.request(source).GET().build()).statusCode()).as(source).isEqualTo(200);
        }
    }

    @Test
    void adminPagesKeepDenyingFrames() {
        HttpResponse<String> login = http.send(http.request("/login").GET().build());

        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
    }

    @Test
    void widgetFirstRenderUnder50Kilobytes() {
        HttpResponse<String> script = http.send(http.request("/widget/optline.js").GET().build());
        HttpResponse<String> style = http.send(http.request("/widget/optline.css").GET().build());

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(script.headers().firstValue("Content-Security-Policy")).isEmpty();
        long bytes = script.body().getBytes(StandardCharsets.UTF_8).length + style.body().getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).isLessThan(50 * 1024);
    }

    @Test
    void settingsPageForAdminsOnly() {
        PageSession anonymous = new PageSession(base);
        HttpResponse<String> page = admin.session().get("/admin/messenger");
        HttpResponse<String> invalid = admin.session().htmxPost("/admin/messenger/origins", "allowed_origins",
                SHOP + "\nhttp://shop.example/path");

        assertThat(anonymous.get("/admin/messenger").statusCode()).isIn(302, 303, 401, 403);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(base.getScheme() + "://" + base.getAuthority() + "/widget/optline.js");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(invalid.body()).text()).contains("'http://shop.example/path' is not an allowed origin");
        assertThat(preflight(SHOP).statusCode()).as("the rejected change kept the allow-list").isEqualTo(204);
    }

    @Test
    void rotatedSecretRejectsOldHashes() {
        String userId = "user-" + UUID.randomUUID();
        String oldHash = hmac(admin.identitySecret(), userId);

        HttpResponse<String> rotated = admin.session().htmxPost("/admin/messenger/identity-secret");
        String newSecret = admin.identitySecret();

        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(session(SHOP, Json.createObjectBuilder().add("user_id", userId).add("user_hash", oldHash))
                .statusCode()).isEqualTo(403);
        assertThat(session(SHOP, Json.createObjectBuilder().add("user_id", userId)
                .add("user_hash", hmac(newSecret, userId))).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> preflight(String origin) {
        return http.send(http.request("/messenger/session")
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    }

    private HttpResponse<String> session(String origin, JsonObjectBuilder body) {
        return http.send(http.request("/messenger/session")
                .header("Origin", origin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString())).build());
    }

    private String anonymousToken(String visitor) {
        HttpResponse<String> response = session(SHOP, Json.createObjectBuilder().add("visitor_id", visitor));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response).getString("token");
    }

    private String userToken(String secret, String userId) {
        HttpResponse<String> response = session(SHOP, Json.createObjectBuilder().add("user_id", userId)
                .add("user_hash", hmac(secret, userId)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response).getString("token");
    }

    private static String sessionToken(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response).getString("token");
    }

    private void deleteContact(long contactId) {
        ApiClient api = new ApiClient(base, TestCredentials.apiToken());
        HttpResponse<String> deleted = api.send(api.http().request("/api/contacts/" + contactId).DELETE());
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
    }

    private HttpResponse<String> parts(String token) {
        return http.send(http.request("/messenger/conversation/parts?after=0").header(TOKEN_HEADER, token).GET().build());
    }

    /** Sends a message as the frame does; {@code origin} null sends no Origin, as a non-browser client. */
    private HttpResponse<String> write(String token, String text, String origin) {
        HttpRequest.Builder request = http.request("/messenger/conversation/messages")
                .header(TOKEN_HEADER, token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("body=" + URLEncoder.encode(text, StandardCharsets.UTF_8)));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build());
    }

    private static long contactOf(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return Long.parseLong(payload.split("\n")[0]);
    }

    /** Returns {@code token} with its contact id replaced by {@code contactId} and its signature kept. */
    private static String withContact(String token, long contactId) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String changed = contactId + payload.substring(payload.indexOf('\n'));
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(changed.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static String visitorId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String hmac(String secret, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
