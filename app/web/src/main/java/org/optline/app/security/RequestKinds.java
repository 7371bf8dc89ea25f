package org.optline.app.security;

import jakarta.servlet.http.HttpServletRequest;

/** Sorts requests by the part of Optline they address, which decides their protection. */
public final class RequestKinds {

    private RequestKinds() {
    }

    /** Returns the request path without the context path. */
    public static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Returns whether the request goes to the public API, which authenticates by token, never by cookie. */
    public static boolean isApi(HttpServletRequest request) {
        String path = path(request);
        return path.equals("/api") || path.startsWith("/api/");
    }

    /**
     * Returns whether the request goes to the messenger, which the widget calls from other websites. It
     * authenticates by a messenger token in a header, never by cookie, and checks origins itself.
     */
    public static boolean isMessenger(HttpServletRequest request) {
        String path = path(request);
        return path.equals("/messenger") || path.startsWith("/messenger/");
    }

    /**
     * Returns whether the request goes to a customer's SMS preference center at {@code /p/{token}}, which
     * is public and cookie-less: the link token authenticates it, and its form carries its own token.
     */
    public static boolean isPreferenceCenter(HttpServletRequest request) {
        return path(request).startsWith("/p/");
    }

    /**
     * Returns whether the request goes to an SMS provider's webhook under {@code /webhooks/}, which is
     * called by the provider's servers without cookies and authenticated by a signature or an API token.
     */
    public static boolean isWebhook(HttpServletRequest request) {
        return path(request).startsWith("/webhooks/");
    }

    /** Returns whether the request goes to the widget's static files, which other websites load. */
    public static boolean isWidgetFile(HttpServletRequest request) {
        return path(request).startsWith("/widget/");
    }

    /** Returns whether the request can change state, so that it needs a CSRF token when it comes from a page. */
    public static boolean isStateChanging(HttpServletRequest request) {
        return switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> false;
            default -> true;
        };
    }
}
