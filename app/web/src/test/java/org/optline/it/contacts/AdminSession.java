package org.optline.it.contacts;

import org.optline.it.support.LocalOptline;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed-in visitor of Optline's pages over plain HTTP, with its own cookie jar. It sends what htmx
 * sends from a page, and also what a page cannot, such as a request without the CSRF token.
 */
final class AdminSession {

    private static final Pattern SIGN_IN_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    /** The layout puts the token into {@code hx-headers}, whose quotes jte writes as {@code &#34;}. */
    private static final Pattern PAGE_TOKEN = Pattern.compile("X-CSRF-Token&#34;:&#34;([^&]+)&#34;");

    private final URI base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER);
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(cookies)
            .build();
    private String csrfToken;

    private AdminSession(URI base) {
        LocalOptline.requireLoopback(base);
        this.base = base;
    }

    /** Signs in through the sign-in form, or fails. */
    static AdminSession signIn(URI base, String email, String password) {
        AdminSession session = new AdminSession(base);
        String signInToken = find(SIGN_IN_TOKEN, session.get("/login").body(), "the sign-in form's token");
        HttpResponse<String> signedIn = session.send(session.request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("_csrf", signInToken, "email", email, "password", password))));
        if (signedIn.statusCode() != 302 && signedIn.statusCode() != 303) {
            throw new AssertionError("Sign-in as " + email + " failed with " + signedIn.statusCode() + ": " + signedIn.body());
        }
        session.csrfToken = find(PAGE_TOKEN, session.get("/admin/contacts").body(), "the page's CSRF token");
        return session;
    }

    /** Returns the cookies the session holds, such as the session cookie, by name. */
    Map<String, String> cookies() {
        Map<String, String> byName = new java.util.LinkedHashMap<>();
        for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
            byName.put(cookie.getName(), cookie.getValue());
        }
        return byName;
    }

    /** Requests a whole page. */
    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** Requests a fragment as htmx requests it. */
    HttpResponse<String> htmxGet(String path) {
        return send(request(path).header("HX-Request", "true").GET());
    }

    /** Posts a form as htmx does from an Optline page: with HX-Request and the session's CSRF token. */
    HttpResponse<String> htmxPost(String path, String... fields) {
        return post(path, Map.of("HX-Request", "true", "X-CSRF-Token", csrfToken), fields);
    }

    /** Sends a DELETE as htmx does from an Optline page, or without the CSRF token when {@code withToken} is false. */
    HttpResponse<String> htmxDelete(String path, boolean withToken) {
        HttpRequest.Builder request = request(path).header("HX-Request", "true").DELETE();
        if (withToken) {
            request.header("X-CSRF-Token", csrfToken);
        }
        return send(request);
    }

    /** Posts a form with exactly {@code headers}, for requests that a page would not send. */
    HttpResponse<String> post(String path, Map<String, String> headers, String... fields) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        headers.forEach(request::header);
        return send(request);
    }

    private HttpRequest.Builder request(String path) {
        URI uri = base.resolve(path.startsWith("/") ? path.substring(1) : path);
        LocalOptline.requireLoopback(uri);
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
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

    /** Encodes name and value pairs as a form body. */
    static String form(String... fields) {
        if (fields.length % 2 != 0) {
            throw new IllegalArgumentException("Form fields come in name and value pairs, got " + fields.length + " strings");
        }
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < fields.length; i += 2) {
            pairs.add(URLEncoder.encode(fields[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", pairs);
    }

    static String find(Pattern pattern, String text, String description) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("Found no " + description + " in: " + text);
        }
        return matcher.group(1);
    }
}
