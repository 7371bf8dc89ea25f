package org.optline.it.pages;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.optline.it.support.ApiClient;
import org.optline.it.support.Browser;
import org.optline.it.support.Http;
import org.optline.it.support.LocalOptline;
import org.optline.it.support.OptlineDeployment;
import org.optline.it.support.PageSession;
import org.optline.it.support.SubscriptionTypeFixtures;
import org.optline.it.support.TestCredentials;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.optline.it.support.SubscriptionTypeFixtures.unique;

/**
 * The protections of the admin pages, tested from outside as an attacker or a careless client would
 * meet them: sign-in and sign-out, lockout, roles, CSRF, security headers, escaping of typed text,
 * and the life of an API token. Most tests use plain HTTP. Escaping is checked in a real browser too.
 */
@ExtendWith(ArquillianExtension.class)
class AdminSecurityIT {

    private static final String SESSION_COOKIE = "OPTLINE_SESSION";
    private static final String CSRF_REJECTED = "security token is missing, expired or from another site";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return OptlineDeployment.packagedWar();
    }

    @ArquillianResource
    URL deployment;

    private URI base;
    private SubscriptionTypeFixtures types;

    @BeforeEach
    void connect() {
        base = LocalOptline.base(deployment);
        types = new SubscriptionTypeFixtures(new ApiClient(base, TestCredentials.apiToken()));
    }

    @Test
    void signInSetsHttpOnlySameSiteCookie() {
        PageSession visitor = new PageSession(base);
        visitor.get("/login");
        String anonymousSession = visitor.cookie(SESSION_COOKIE);

        HttpResponse<String> response = visitor.signIn(TestCredentials.adminEmail(), TestCredentials.adminPassword());

        assertThat(response.statusCode()).isEqualTo(302);
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(SESSION_COOKIE + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Sign-in set no " + SESSION_COOKIE + " cookie: " + response.headers()));
        assertThat(cookie).containsIgnoringCase("; HttpOnly");
        assertThat(cookie).containsIgnoringCase("; SameSite=Lax");
        assertThat(visitor.cookie(SESSION_COOKIE)).isNotEqualTo(anonymousSession);
    }

    /**
     * Besides the session cookie, Payara sets {@code JSESSIONIDVERSION=2f:<n>}. When a client sends it back
     * quoted, as Java's CookieManager does by default, Payara returns an empty 200 for each HTTP/1.1 request
     * before the app runs, and logs "Odd number of hexadecimal digits". Browsers, and {@link PageSession},
     * send it back as it was set.
     */
    @Test
    void signedInRequestsReachAppOverHttp11() {
        PageSession admin = PageSession.signedInAdmin(base);

        for (int request = 1; request <= 3; request++) {
            HttpResponse<String> response = admin.get("/account");
            assertThat(response.version()).as("request %s", request).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(response.statusCode()).as("request %s", request).isEqualTo(200);
            assertThat(PageSession.document(response).select("input[name=_csrf]")).as("request %s: %s", request,
                    response.body()).isNotEmpty();
        }
        assertThat(admin.cookie("JSESSIONIDVERSION")).startsWith("2f:");
    }

    @Test
    void signOutEndsSession() {
        PageSession admin = signedInAdmin();
        String signedInSession = admin.cookie(SESSION_COOKIE);
        assertThat(admin.get("/admin/subscriptions").statusCode()).isEqualTo(200);

        HttpResponse<String> signOut = admin.post("/logout", Map.of(), "_csrf", admin.csrfToken());

        assertThat(signOut.statusCode()).isEqualTo(302);
        assertThat(location(signOut).getPath()).isEqualTo("/login");
        HttpResponse<String> after = admin.get("/admin/subscriptions");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(location(after).getPath()).isEqualTo("/login");
        Http http = new Http(base);
        HttpResponse<String> replayed = http.send(http.request("/admin/subscriptions")
                .header("Cookie", SESSION_COOKIE + "=" + signedInSession).GET().build());
        assertThat(replayed.statusCode()).isEqualTo(302);
        assertThat(location(replayed).getPath()).isEqualTo("/login");
    }

    @Test
    void signOutByGetIsNotAllowed() {
        PageSession admin = signedInAdmin();

        HttpResponse<String> response = admin.get("/logout");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(admin.get("/admin/subscriptions").statusCode()).isEqualTo(200);
    }

    @Test
    void pageWithoutSessionRedirectsToSignIn() {
        Http http = new Http(base);

        HttpResponse<String> response = http.send(http.request("/admin/subscriptions?tab=drafts").GET().build());

        assertThat(response.statusCode()).isEqualTo(302);
        URI location = location(response);
        assertThat(location.getPath()).isEqualTo("/login");
        assertThat(location.getQuery()).isEqualTo("next=/admin/subscriptions?tab=drafts");
    }

    @Test
    void htmxWithoutSessionGetsHxRedirect() {
        Http http = new Http(base);

        HttpResponse<String> response = http.send(http.request("/admin/subscriptions/list")
                .header("HX-Request", "true").GET().build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("HX-Redirect")).hasSize(1);
        URI redirect = base.resolve(response.headers().firstValue("HX-Redirect").orElseThrow(
                () -> new AssertionError("No HX-Redirect header: " + response.headers())));
        assertThat(redirect.getPath()).isEqualTo("/login");
        assertThat(redirect.getQuery()).isEqualTo("next=/admin/subscriptions/list");
    }

    @Test
    void signInLandsOnStartPageByRole() {
        PageSession admin = signedInAdmin();
        String email = "start-" + unique() + "@tests.optline.invalid";
        String password = "agent-password-" + unique();
        createAgent(admin, email, "Start Agent", password);

        HttpResponse<String> adminSignIn = new PageSession(base).signIn(TestCredentials.adminEmail(),
                TestCredentials.adminPassword());
        PageSession agent = new PageSession(base);
        HttpResponse<String> agentSignIn = agent.signIn(email, password);

        assertThat(location(adminSignIn).getPath()).isEqualTo("/admin/subscriptions");
        assertThat(location(agentSignIn).getPath()).isEqualTo("/inbox");
        assertThat(agent.get("/inbox").statusCode()).isEqualTo(200);
    }

    @Test
    void rootSendsSignedInAccountToStartPage() {
        PageSession admin = signedInAdmin();
        String email = "root-" + unique() + "@tests.optline.invalid";
        String password = "agent-password-" + unique();
        createAgent(admin, email, "Root Agent", password);
        PageSession agent = new PageSession(base);
        HttpResponse<String> agentSignIn = agent.signIn(email, password);

        HttpResponse<String> adminRoot = admin.get("/");
        HttpResponse<String> agentRoot = agent.get("/");
        HttpResponse<String> agentAdminPage = agent.get("/admin/users");

        assertThat(adminRoot.statusCode()).isEqualTo(302);
        assertThat(location(adminRoot).getPath()).isEqualTo("/admin/subscriptions");
        assertThat(agentRoot.statusCode()).isEqualTo(302);
        assertThat(location(agentRoot).getPath()).isEqualTo(location(agentSignIn).getPath());
        assertThat(agentAdminPage.statusCode()).isEqualTo(403);
        assertThat(agentAdminPage.body()).contains("Not allowed");
    }

    @Test
    void nextParameterStaysOnSite() {
        PageSession local = new PageSession(base);
        HttpResponse<String> toUsers = local.signIn(TestCredentials.adminEmail(), TestCredentials.adminPassword(), "/admin/users");
        assertThat(location(toUsers).getPath()).isEqualTo("/admin/users");

        // These targets are only strings in the next parameter, and no request goes to them.
        for (String target : List.of("//evil.example", "https://evil.example", "/\\evil.example")) {
            PageSession visitor = new PageSession(base);
            Document signInPage = PageSession.document(visitor.get("/login?next=" + encode(target)));
            assertThat(signInPage.select("input[name=next]").val()).as(target).isEqualTo("/");

            HttpResponse<String> signIn = visitor.signIn(TestCredentials.adminEmail(), TestCredentials.adminPassword(), target);
            assertThat(signIn.statusCode()).as(target).isEqualTo(302);
            assertThat(location(signIn).getHost()).as(target).isEqualTo(LocalOptline.LOOPBACK);
            assertThat(location(signIn).getPath()).as(target).isEqualTo("/admin/subscriptions");

            HttpResponse<String> signedInVisit = visitor.get("/login?next=" + encode(target));
            assertThat(signedInVisit.statusCode()).as(target).isEqualTo(302);
            assertThat(location(signedInVisit).getHost()).as(target).isEqualTo(LocalOptline.LOOPBACK);
            assertThat(location(signedInVisit).getPath()).as(target).isEqualTo("/admin/subscriptions");
        }
    }

    @Test
    void fiveFailedSignInsLockAccount() {
        PageSession admin = signedInAdmin();
        String email = "locked-" + unique() + "@tests.optline.invalid";
        String password = "agent-password-" + unique();
        createAgent(admin, email, "Locked agent", password);
        String unknownEmailMessage = alertText(new PageSession(base).signIn("nobody-" + unique() + "@tests.optline.invalid", password));
        assertThat(unknownEmailMessage).contains("After 5 failed attempts an account is locked for 15 minutes.");

        for (int attempt = 1; attempt <= 5; attempt++) {
            HttpResponse<String> failed = new PageSession(base).signIn(email, "wrong-password-" + attempt);
            assertThat(failed.statusCode()).as("attempt " + attempt).isEqualTo(401);
            assertThat(alertText(failed)).as("attempt " + attempt).isEqualTo(unknownEmailMessage);
        }
        HttpResponse<String> locked = new PageSession(base).signIn(email, password);

        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(alertText(locked)).isEqualTo(unknownEmailMessage);

        Element unlock = PageSession.labelled(PageSession.document(admin.get("/admin/users/list")), "Unlock " + email);
        assertThat(unlock.closest("tr").text()).contains("Locked until");
        HttpResponse<String> unlocked = admin.htmxPost(unlock.attr("hx-post"));
        assertThat(unlocked.statusCode()).isEqualTo(200);
        assertThat(new PageSession(base).signIn(email, password).statusCode()).isEqualTo(302);
    }

    @Test
    void agentIsRefusedAdminPages() {
        PageSession admin = signedInAdmin();
        String email = "agent-" + unique() + "@tests.optline.invalid";
        String password = "agent-password-" + unique();
        createAgent(admin, email, "Agent", password);
        PageSession agent = PageSession.signedIn(base, email, password);
        String name = "Made by an agent " + unique();

        HttpResponse<String> create = agent.htmxPost("/admin/subscriptions", newTypeForm(name));

        assertThat(agent.get("/admin/subscriptions").statusCode()).isEqualTo(403);
        assertThat(agent.get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(agent.get("/admin/api-tokens").statusCode()).isEqualTo(403);
        assertThat(agent.get("/account").statusCode()).isEqualTo(200);
        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(types.listBody()).doesNotContain(name);
    }

    @Test
    void postWithCsrfTokenCreatesType() {
        PageSession admin = signedInAdmin();
        String name = "With token " + unique();

        HttpResponse<String> response = admin.post("/admin/subscriptions",
                Map.of("HX-Request", "true", "X-CSRF-Token", admin.csrfToken(), "Origin", origin()), newTypeForm(name));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(types.listBody()).contains(name);
    }

    @Test
    void postWithoutCsrfTokenIsRejected() {
        PageSession admin = signedInAdmin();
        String name = "No token " + unique();

        HttpResponse<String> response = admin.post("/admin/subscriptions", Map.of("HX-Request", "true"), newTypeForm(name));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(alertText(response)).contains(CSRF_REJECTED);
        assertThat(types.listBody()).doesNotContain(name);
    }

    @Test
    void postWithWrongCsrfTokenIsRejected() {
        PageSession admin = signedInAdmin();
        String name = "Wrong token " + unique();

        HttpResponse<String> response = admin.post("/admin/subscriptions",
                Map.of("HX-Request", "true", "X-CSRF-Token", "not-the-session-token-" + unique()), newTypeForm(name));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(alertText(response)).contains(CSRF_REJECTED);
        assertThat(types.listBody()).doesNotContain(name);
    }

    @Test
    void postFromForeignOriginIsRejected() {
        PageSession admin = signedInAdmin();
        String name = "Foreign origin " + unique();

        HttpResponse<String> response = admin.post("/admin/subscriptions",
                Map.of("HX-Request", "true", "X-CSRF-Token", admin.csrfToken(), "Origin", "https://evil.example"),
                newTypeForm(name));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(alertText(response)).contains(CSRF_REJECTED);
        assertThat(types.listBody()).doesNotContain(name);
    }

    @Test
    void pagesCarrySecurityHeaders() {
        PageSession admin = signedInAdmin();
        Map<String, HttpResponse<String>> pages = new LinkedHashMap<>();
        pages.put("/login", new PageSession(base).get("/login"));
        for (String path : List.of("/admin/subscriptions", "/admin/subscriptions/preview", "/admin/users",
                "/admin/api-tokens", "/account")) {
            pages.put(path, admin.get(path));
        }

        pages.forEach((path, response) -> {
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(policy).as(path).contains("script-src 'self'");
            assertThat(policy).as(path).contains("frame-ancestors 'none'");
            assertThat(policy).as(path).doesNotContain("unsafe-inline");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        });
    }

    @Test
    void typedMarkupShowsAsTextInBrowser() {
        String name = "<script>alert(1)</script> " + unique();
        String description = "<img src=x onerror=alert(2)>";
        types.putLive(types.createSmsOptIn(name, description));

        try (Browser browser = Browser.start(base)) {
            browser.signIn(TestCredentials.adminEmail(), TestCredentials.adminPassword());

            browser.open("/admin/subscriptions");
            WebElement item = browser.await(name + " under Live", d -> browser.labelled(browser.region("Live"), name));
            assertThat(item.getText()).contains(name);
            assertThat(item.getText()).contains(description);
            assertNothingInjected(browser, "list page");

            browser.button("Edit " + name).click();
            WebElement editForm = browser.await("the edit form", d -> browser.region("Edit \u201C" + name + "\u201D"));
            assertThat(browser.field(editForm, "Name (en)").getAttribute("value")).isEqualTo(name);
            assertThat(browser.field(editForm, "Description (en)").getAttribute("value")).isEqualTo(description);
            assertNothingInjected(browser, "edit form");

            browser.open("/admin/subscriptions/preview");
            WebElement choice = browser.field(name);
            assertThat(choice.getAccessibleName()).isEqualTo(name);
            String descriptionId = choice.getAttribute("aria-describedby");
            assertThat(browser.driver().findElement(By.id(descriptionId)).getText()).isEqualTo(description);
            assertNothingInjected(browser, "preview");
        }
    }

    @Test
    void userAndTokenNamesShowAsText() {
        PageSession admin = signedInAdmin();
        String email = "markup-" + unique() + "@tests.optline.invalid";
        String userName = "<b>Bold agent</b> " + unique();
        String tokenName = "<i>Shop</i> " + unique();
        createAgent(admin, email, userName, "agent-password-" + unique());

        HttpResponse<String> issued = admin.htmxPost("/admin/api-tokens", "name", tokenName);

        Element userRow = PageSession.labelled(PageSession.document(admin.get("/admin/users")), "Disable " + email).closest("tr");
        assertThat(userRow.text()).contains(userName);
        assertThat(userRow.select("b")).isEmpty();
        Document issuedFragment = PageSession.document(issued);
        assertThat(issuedFragment.text()).contains(tokenName);
        assertThat(issuedFragment.select("i")).isEmpty();
        Element tokenRow = revokeButton(PageSession.document(admin.get("/admin/api-tokens")), tokenName).closest("tr");
        assertThat(tokenRow.text()).contains(tokenName);
        assertThat(tokenRow.select("i")).isEmpty();
    }

    @Test
    void apiTokenIsShownOnceAndRevocable() {
        PageSession admin = signedInAdmin();
        String tokenName = "Checkout " + unique();

        HttpResponse<String> issued = admin.htmxPost("/admin/api-tokens", "name", tokenName);

        assertThat(issued.statusCode()).isEqualTo(200);
        String value = PageSession.field(PageSession.document(issued), "Value of API token \u201C" + tokenName + "\u201D").val();
        assertThat(value).isNotBlank();
        ApiClient integration = new ApiClient(base, value);
        assertThat(integration.get("/api/subscription_types").statusCode()).isEqualTo(200);
        HttpResponse<String> page = admin.get("/admin/api-tokens");
        HttpResponse<String> list = admin.get("/admin/api-tokens/list");
        assertThat(page.body()).contains(tokenName);
        assertThat(page.body()).doesNotContain(value);
        assertThat(list.body()).doesNotContain(value);

        Element revoke = revokeButton(PageSession.document(list), tokenName);
        HttpResponse<String> revoked = admin.htmxPost(revoke.attr("hx-post"));

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(PageSession.document(revoked).text()).contains("Revoked API token \u201C" + tokenName + "\u201D");
        // The instance that revokes drops the token from its cache at once. Other instances trust it up to 10 s longer.
        assertThat(integration.get("/api/subscription_types").statusCode()).isEqualTo(401);
        Element row = PageSession.document(admin.get("/admin/api-tokens/list")).select("tr").stream()
                .filter(candidate -> candidate.text().contains(tokenName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("The token list lost " + tokenName));
        assertThat(row.text()).contains("Revoked");
        assertThat(row.select("button")).isEmpty();
    }

    private PageSession signedInAdmin() {
        return PageSession.signedIn(base, TestCredentials.adminEmail(), TestCredentials.adminPassword());
    }

    private static void createAgent(PageSession admin, String email, String name, String password) {
        HttpResponse<String> response = admin.htmxPost("/admin/users",
                "email", email, "name", name, "role", "AGENT", "password", password);
        assertThat(response.statusCode()).as("creating agent %s: %s", email, response.body()).isEqualTo(200);
    }

    private static String[] newTypeForm(String name) {
        return new String[] {"message_type", "sms_message", "consent_type", "opt_in", "locale", "en",
                "name", name, "description", ""};
    }

    private static Element revokeButton(Document tokens, String tokenName) {
        String prefix = "Revoke " + tokenName + " (";
        return tokens.select("button[aria-label]").stream()
                .filter(button -> button.attr("aria-label").startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No button named '" + prefix + "...' in: " + tokens.body()));
    }

    private static void assertNothingInjected(Browser browser, String where) {
        assertThat(browser.hasOpenDialog()).as("a dialog on the " + where).isFalse();
        assertThat(browser.driver().findElements(By.cssSelector("img[src='x']"))).as("injected img on the " + where).isEmpty();
        assertThat(browser.driver().findElements(By.xpath("//script[contains(., 'alert(')]")))
                .as("injected script on the " + where).isEmpty();
    }

    private static String alertText(HttpResponse<String> response) {
        return PageSession.document(response).select("[role=alert]").text();
    }

    private URI location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("No Location header in a " + response.statusCode() + " response"));
        return base.resolve(location);
    }

    private String origin() {
        return "http://" + base.getAuthority();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
