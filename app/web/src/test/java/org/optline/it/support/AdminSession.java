package org.optline.it.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An admin signed in to Optline's pages over plain HTTP, with its own cookie jar. It sends requests the
 * way htmx does from a page: with {@code HX-Request} and the session's CSRF token in its header.
 * Redirects are not followed, so tests see them.
 */
public final class AdminSession {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    /** The token inside the layout's {@code hx-headers} attribute, whose quotes the template escapes. */
    private static final Pattern HEADER_TOKEN = Pattern.compile("X-CSRF-Token&#34;:&#34;([^&]+)&#34;");

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER))
            .build();
    private String csrfToken;

    private AdminSession(URI base) {
        LocalOptline.requireLoopback(base);
        this.base = base;
    }

    /** Signs in as the bootstrap admin, or fails when sign-in is rejected. */
    public static AdminSession signIn(URI base) {
        AdminSession session = new AdminSession(base);
        String signInPage = session.get("/login").body();
        HttpResponse<String> signedIn = session.send(session.request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(List.of(
                        "_csrf", find(FORM_TOKEN, signInPage, "the sign-in form's CSRF field"),
                        "email", TestCredentials.adminEmail(),
                        "password", TestCredentials.adminPassword())))));
        if (signedIn.statusCode() != 302 && signedIn.statusCode() != 303) {
            throw new AssertionError("Sign-in failed with " + signedIn.statusCode() + ": " + signedIn.body());
        }
        session.csrfToken = find(HEADER_TOKEN, session.get("/admin/bulk-jobs").body(), "the layout's CSRF header");
        return session;
    }

    /** Loads a whole page, as a browser does. */
    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** Loads a fragment, as htmx does. */
    public HttpResponse<String> htmxGet(String path) {
        return send(request(path).header("HX-Request", "true").GET());
    }

    /** Posts a form as htmx does; {@code fields} alternates names and values, and names may repeat. */
    public HttpResponse<String> htmxPost(String path, List<String> fields) {
        return send(request(path).header("HX-Request", "true").header("X-CSRF-Token", csrfToken)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(60));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            return client.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Request " + built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + built.uri(), e);
        }
    }

    private static String form(List<String> fields) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            pairs.add(URLEncoder.encode(fields.get(i), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(fields.get(i + 1), StandardCharsets.UTF_8));
        }
        return String.join("&", pairs);
    }

    private static String find(Pattern pattern, String html, String description) {
        Matcher matcher = pattern.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("The page lacks " + description + ": " + html);
        }
        return matcher.group(1);
    }
}
