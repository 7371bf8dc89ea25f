package org.optline.app.security;

import jakarta.servlet.http.HttpServletRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Keeps the page to return to after sign-in on this site, so the sign-in page is no open redirect. */
final class SafeRedirects {

    static final String DEFAULT_TARGET = "/";

    /** The first page of admins, who manage subscription types. */
    static final String ADMIN_START = "/admin/subscriptions";

    /** The first page of agents, who answer conversations. */
    static final String AGENT_START = "/inbox";

    private SafeRedirects() {
    }

    /** Returns the URL-encoded path and query of {@code request}, for the {@code next} parameter. */
    static String encodeNext(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        String target = query == null ? path : path + "?" + query;
        return URLEncoder.encode(target, StandardCharsets.UTF_8);
    }

    /**
     * Returns where a signed-in account goes after sign-in: {@code target}, or its start page when the
     * target is the root.
     *
     * <p>NOTE: Payara Micro 7.2026.11 denies every request for the root path {@code /} once web.xml has
     * any security constraint, even to signed-in accounts, so nobody is ever sent there.
     */
    static String afterSignIn(HttpServletRequest request, String target) {
        if (!DEFAULT_TARGET.equals(target)) {
            return target;
        }
        return request.isUserInRole("ADMIN") ? ADMIN_START : AGENT_START;
    }

    /**
     * Returns {@code next} when it is a path on this site, otherwise {@link #DEFAULT_TARGET}. Absolute
     * URLs, protocol-relative {@code //host} URLs and back-slash tricks are all refused.
     */
    static String localTarget(String next) {
        if (next == null || next.isEmpty() || next.length() > 2000) {
            return DEFAULT_TARGET;
        }
        boolean local = next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")
                && next.chars().noneMatch(Character::isISOControl);
        return local ? next : DEFAULT_TARGET;
    }
}
