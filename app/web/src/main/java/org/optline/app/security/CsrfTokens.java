package org.optline.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The synchronizer token that protects state-changing page requests from cross-site forgery. One
 * random token per session, kept in the session, which Payara replicates to the other instances.
 */
public final class CsrfTokens {

    /** The header htmx sends the token in, set once on the body element of the layout. */
    public static final String HEADER = "X-CSRF-Token";

    /** The form field of the few plain HTML forms (sign-in, sign-out). */
    public static final String FIELD = "_csrf";

    private static final String ATTRIBUTE = "optline.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfTokens() {
    }

    /** Returns the session's token, creating the session and the token when needed. */
    public static String forRequest(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        Object token = session.getAttribute(ATTRIBUTE);
        if (token instanceof String existing) {
            return existing;
        }
        String created = newToken();
        session.setAttribute(ATTRIBUTE, created);
        return created;
    }

    /** Replaces the token, as sign-in does so that a token seen before sign-in is worth nothing after. */
    static void rotate(HttpServletRequest request) {
        request.getSession(true).setAttribute(ATTRIBUTE, newToken());
    }

    /** Returns whether {@code presented} equals the session's token, compared in constant time. */
    static boolean matches(HttpServletRequest request, String presented) {
        HttpSession session = request.getSession(false);
        if (session == null || presented == null) {
            return false;
        }
        Object expected = session.getAttribute(ATTRIBUTE);
        return expected instanceof String token && MessageDigest.isEqual(
                token.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
