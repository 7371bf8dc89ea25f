package org.optline.it.support;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A visitor of Optline's pages over plain HTTP, with its own cookie jar, as a browser without
 * JavaScript would be. It lets tests send what a page form cannot, such as values past a field's
 * maxlength or requests without the CSRF token. Redirects are not followed, so tests see them.
 *
 * <p>Like a browser on {@code http://}, it speaks HTTP/1.1 and sends each cookie back as the server set
 * it ({@link BrowserCookies}).
 */
public final class PageSession {

    private final URI base;
    private final CookieManager cookies = new CookieManager(new BrowserCookies(), CookiePolicy.ACCEPT_ORIGINAL_SERVER);
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(cookies)
            .build();

    /** The CSRF token of the session, read from a page after sign-in, or null before sign-in. */
    private String csrfToken;

    public PageSession(URI base) {
        LocalOptline.requireLoopback(base);
        this.base = base;
    }

    /** Returns a session signed in as {@code email}, or fails when sign-in is rejected. */
    public static PageSession signedIn(URI base, String email, String password) {
        PageSession session = new PageSession(base);
        HttpResponse<String> response = session.signIn(email, password);
        if (response.statusCode() != 302 && response.statusCode() != 303) {
            throw new AssertionError("Sign-in as " + email + " failed with " + response.statusCode() + ": "
                    + response.body());
        }
        return session;
    }

    /** Returns a session signed in as the bootstrap admin of the test run, or fails when sign-in is rejected. */
    public static PageSession signedInAdmin(URI base) {
        return signedIn(base, TestCredentials.adminEmail(), TestCredentials.adminPassword());
    }

    /** Submits the sign-in form with the token the sign-in page gave, and returns the response to the POST. */
    public HttpResponse<String> signIn(String email, String password) {
        return signIn(email, password, null);
    }

    /** Signs in like {@link #signIn(String, String)}, asking to return to {@code next} afterwards. */
    public HttpResponse<String> signIn(String email, String password, String next) {
        Document signInPage = document(get("/login"));
        List<String> fields = new ArrayList<>(List.of("_csrf", signInPage.select("input[name=_csrf]").val(),
                "email", email, "password", password));
        if (next != null) {
            fields.addAll(List.of("next", next));
        }
        HttpResponse<String> response = send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields.toArray(String[]::new)))));
        if (response.statusCode() == 302 || response.statusCode() == 303) {
            csrfToken = document(get("/account")).select("input[name=_csrf]").val();
        }
        return response;
    }

    /** Returns the CSRF token that the pages of this signed-in session carry. */
    public String csrfToken() {
        if (csrfToken == null || csrfToken.isEmpty()) {
            throw new IllegalStateException("The session has no CSRF token: sign in first.");
        }
        return csrfToken;
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = request(path).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** Requests a fragment as htmx requests it, with HX-Request. */
    public HttpResponse<String> htmxGet(String path) {
        return get(path, "HX-Request", "true");
    }

    /** Sends a DELETE as htmx does from an Optline page, or without the CSRF token when {@code withToken} is false. */
    public HttpResponse<String> htmxDelete(String path, boolean withToken) {
        HttpRequest.Builder request = request(path).header("HX-Request", "true").DELETE();
        if (withToken) {
            request.header("X-CSRF-Token", csrfToken());
        }
        return send(request);
    }

    /** Sends a form as htmx sends it from an Optline page: with HX-Request and the session's CSRF token. */
    public HttpResponse<String> htmxPost(String path, String... fields) {
        return post(path, Map.of("HX-Request", "true", "X-CSRF-Token", csrfToken()), fields);
    }

    /** Sends a POST as htmx would but without a body or Content-Type, as a script or a broken client may. */
    public HttpResponse<String> htmxPostWithoutForm(String path) {
        return send(request(path).header("HX-Request", "true").header("X-CSRF-Token", csrfToken())
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Sends a form with exactly {@code headers}, for requests that a page would not send. */
    public HttpResponse<String> post(String path, Map<String, String> headers, String... fields) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        headers.forEach(request::header);
        return send(request);
    }

    public URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** Returns the cookies that the session holds, such as the session cookie, by name. */
    public Map<String, String> cookies() {
        Map<String, String> byName = new LinkedHashMap<>();
        for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
            byName.put(cookie.getName(), cookie.getValue());
        }
        return byName;
    }

    /** Returns the value of the cookie {@code name} that the session holds, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    /** Parses a page or fragment that Optline returned. */
    public static Document document(HttpResponse<String> response) {
        return Jsoup.parse(response.body());
    }

    /** Returns the form control that the label with text {@code label} names. */
    public static Element field(Element scope, String label) {
        Element element = scope.select("label").stream()
                .filter(candidate -> candidate.text().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No label '" + label + "' in: " + scope.outerHtml()));
        Element control = scope.ownerDocument().getElementById(element.attr("for"));
        if (control == null) {
            throw new AssertionError("Label '" + label + "' names no control with id '" + element.attr("for") + "'");
        }
        return control;
    }

    /** Returns the element whose aria-label is {@code label}. */
    public static Element labelled(Element scope, String label) {
        return scope.select("[aria-label]").stream()
                .filter(candidate -> candidate.attr("aria-label").equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No element has aria-label '" + label + "' in: " + scope.outerHtml()));
    }

    private HttpRequest.Builder request(String path) {
        URI uri = uri(path);
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

    /** Encodes name and value pairs as a form body. A name may repeat, as in the edit form. */
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
}
