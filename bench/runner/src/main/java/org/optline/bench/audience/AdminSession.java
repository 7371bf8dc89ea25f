package org.optline.bench.audience;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An admin signed in to Optline's pages over HTTP, with a cookie jar and the session's CSRF token, so
 * that the benchmark calls the same endpoints as the segment editor's htmx requests.
 */
public final class AdminSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER))
            .build();
    private String csrfToken;

    private AdminSession(String baseUrl) {
        if (!URI.create(baseUrl).getHost().equals("127.0.0.1")) {
            throw new IllegalArgumentException("--base-url " + baseUrl + " is not on 127.0.0.1; the benchmark "
                    + "drives only an Optline it started itself.");
        }
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Signs in through the sign-in form and reads the CSRF token that the session's pages carry. */
    public static AdminSession signIn(String baseUrl, String email, String password) throws IOException, InterruptedException {
        AdminSession session = new AdminSession(baseUrl);
        String signInToken = csrfField(session.get("/login", false), "/login");
        HttpResponse<String> signedIn = session.send(session.request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("_csrf", signInToken, "email", email, "password", password))));
        if (signedIn.statusCode() != 302 && signedIn.statusCode() != 303) {
            throw new IllegalStateException("Signing in as " + email + " failed with HTTP " + signedIn.statusCode()
                    + ". Check that bench/run set OPTLINE_BOOTSTRAP_ADMIN_EMAIL and OPTLINE_BOOTSTRAP_ADMIN_PASSWORD.");
        }
        session.csrfToken = csrfField(session.get("/account", false), "/account");
        return session;
    }

    /** Saves a segment through the editor's form and returns its id. */
    long saveSegment(String name, String conditions) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request("/admin/segments")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("HX-Request", "true")
                .header("X-CSRF-Token", csrfToken)
                .POST(HttpRequest.BodyPublishers.ofString(form("name", name, "conditions", conditions))));
        String location = response.headers().firstValue("HX-Redirect").orElse("");
        Matcher id = Pattern.compile("^/admin/segments/([0-9]+)$").matcher(location);
        if (response.statusCode() != 200 || !id.matches()) {
            throw new IllegalStateException("Saving segment '" + name + "' failed with HTTP " + response.statusCode()
                    + " and HX-Redirect '" + location + "': " + response.body());
        }
        return Long.parseLong(id.group(1));
    }

    /** Requests a page or an htmx fragment and returns its body, or fails on any status but 200. */
    public String get(String path, boolean htmx) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).GET();
        if (htmx) {
            request.header("HX-Request", "true");
        }
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " returned HTTP " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(400, response.body().length())));
        }
        return response.body();
    }

    /**
     * Posts a form as the page's htmx request does, with the session's CSRF token, and returns the
     * {@code HX-Redirect} location of the response. Any other response fails the run.
     */
    public String postForRedirect(String path, String... namesAndValues) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("HX-Request", "true")
                .header("X-CSRF-Token", csrfToken)
                .POST(HttpRequest.BodyPublishers.ofString(form(namesAndValues))));
        String location = response.headers().firstValue("HX-Redirect").orElse("");
        if (response.statusCode() != 200 || location.isEmpty()) {
            throw new IllegalStateException("POST " + path + " returned HTTP " + response.statusCode()
                    + " without HX-Redirect: " + response.body().substring(0, Math.min(400, response.body().length())));
        }
        return location;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrfField(String page, String path) {
        Matcher matcher = CSRF_FIELD.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("The page " + path + " has no _csrf field; the sign-in flow changed.");
        }
        return matcher.group(1);
    }

    private static String form(String... namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(encode(namesAndValues[i])).append('=').append(encode(namesAndValues[i + 1]));
        }
        return body.toString();
    }
}
