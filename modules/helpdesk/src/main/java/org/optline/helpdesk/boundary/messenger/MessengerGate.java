package org.optline.helpdesk.boundary.messenger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.optline.helpdesk.api.MessengerTokens;
import org.optline.helpdesk.api.MessengerVisitor;
import org.optline.helpdesk.control.messenger.MessengerLocales;
import org.optline.helpdesk.control.messenger.RateLimits;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The checks every messenger request passes before its work: the rate limits per client address and
 * per visitor, the messenger token, and for state changes the request's origin. Each check returns the
 * response that rejects the request, or empty to go on.
 */
@ApplicationScoped
public class MessengerGate {

    @Inject
    RateLimits rateLimits;

    @Inject
    MessengerTokens tokens;

    /** Counts the request against the limit of its client address. */
    Optional<Response> limitByIp(HttpServletRequest request) {
        return tooMany(rateLimits.hitByIp(request.getRemoteAddr()));
    }

    /** Counts the request against the limit of the visitor {@code visitorKey}. */
    Optional<Response> limitByVisitor(String visitorKey) {
        return tooMany(rateLimits.hitByVisitor(visitorKey));
    }

    /**
     * Returns the visitor of the token in the request's header after counting the request by client
     * address and by visitor, or the rejecting response: 429 over a limit, 401 without a valid token.
     */
    Gated admit(HttpServletRequest request, Locale locale) {
        Optional<Response> limited = limitByIp(request);
        if (limited.isPresent()) {
            return Gated.rejected(limited.get());
        }
        Optional<MessengerVisitor> visitor = tokens.verify(request.getHeader(MessengerTokens.HEADER));
        if (visitor.isEmpty()) {
            return Gated.rejected(notice(401, MessengerTexts.forLocale(locale).get("error.session")));
        }
        return limitByVisitor("contact:" + visitor.get().contactId())
                .map(Gated::rejected)
                .orElseGet(() -> new Gated(visitor, Optional.empty()));
    }

    /**
     * Rejects a state change sent by a browser from another site than Optline itself, where the
     * messenger frame lives. Requests without an {@code Origin} come from non-browser clients,
     * which the token alone authenticates. Chromium sends {@code Origin: null} for the frame's own
     * requests, because Optline's pages set {@code Referrer-Policy: no-referrer}; such a request passes
     * only with {@code Sec-Fetch-Site: same-origin}.
     */
    Optional<Response> requireFrameOrigin(HttpServletRequest request, Locale locale) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        boolean sameOrigin = "same-origin".equals(fetchSite);
        boolean crossSite = fetchSite != null && !sameOrigin && !fetchSite.equals("none");
        String origin = request.getHeader("Origin");
        boolean foreignOrigin = origin != null && !(origin.equals("null") ? sameOrigin
                : sameAuthority(origin, request.getHeader("Host")));
        if (crossSite || foreignOrigin) {
            return Optional.of(notice(403, MessengerTexts.forLocale(locale).get("error.origin")));
        }
        return Optional.empty();
    }

    /** Returns the locale of the texts for a request that names {@code hint}, such as {@code fr}. */
    static Locale locale(String hint, HttpServletRequest request) {
        String accepted = request.getHeader("Accept-Language");
        String first = accepted == null ? null : accepted.split("[,;]")[0];
        return MessengerLocales.choose(hint, first);
    }

    /** Returns an error notice fragment with {@code status}, which htmx swaps in where the request targets. */
    static Response notice(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(MessengerTemplates.render("messenger/notice.jte", java.util.Map.of("message", message)))
                .build();
    }

    private static boolean sameAuthority(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<Response> tooMany(OptionalLong retryAfter) {
        if (retryAfter.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Response.status(429).header("Retry-After", Math.max(1, retryAfter.getAsLong()))
                .type(MediaType.TEXT_PLAIN_TYPE)
                .entity("Too many messenger requests. Try again in " + retryAfter.getAsLong() + " seconds.")
                .build());
    }

    /** The outcome of {@link #admit}: the visitor, or the response that rejects the request. */
    record Gated(Optional<MessengerVisitor> visitor, Optional<Response> rejection) {

        static Gated rejected(Response response) {
            return new Gated(Optional.empty(), Optional.of(response));
        }
    }
}
