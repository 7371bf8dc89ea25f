package org.optline.helpdesk.boundary.messenger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.optline.helpdesk.api.MessengerLimits;
import org.optline.helpdesk.api.MessengerTokens;
import org.optline.helpdesk.api.MessengerVisitor;
import org.optline.helpdesk.control.messenger.MessengerClaims;
import org.optline.helpdesk.control.messenger.MessengerLocales;
import org.optline.helpdesk.control.messenger.MessengerSessions;
import org.optline.helpdesk.control.messenger.RateLimits;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

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
    MessengerSessions sessions;

    /** Counts the request against the limit of its client address. */
    Optional<Response> limitByIp(HttpServletRequest request) {
        return MessengerLimits.tooManyRequests(rateLimits.hitByIp(request.getRemoteAddr()));
    }

    /** Counts the request against the limit of the visitor {@code visitorKey}. */
    Optional<Response> limitByVisitor(String visitorKey) {
        return MessengerLimits.tooManyRequests(rateLimits.hitByVisitor(visitorKey));
    }

    /** Counts a failed identity check against the failure limit of the request's client address. */
    Optional<Response> limitFailureByIp(HttpServletRequest request) {
        return MessengerLimits.tooManyRequests(rateLimits.hitFailureByIp(request.getRemoteAddr()));
    }

    /**
     * Returns the claims of the token in the request's header and their contact, after counting the
     * request by client address and by visitor. Otherwise returns the rejecting response: 429 over a
     * limit, 401 without a valid token or when the token's contact is missing or deleted. An anonymous
     * visitor who has not written yet passes without a contact.
     */
    Gated admit(HttpServletRequest request, Locale locale) {
        Optional<Response> limited = limitByIp(request);
        if (limited.isPresent()) {
            return Gated.rejected(limited.get());
        }
        Optional<MessengerClaims> claims = sessions.verify(request.getHeader(MessengerTokens.HEADER));
        if (claims.isEmpty()) {
            return Gated.rejected(sessionEnded(locale));
        }
        limited = limitByVisitor(claims.get().rateLimitKey());
        if (limited.isPresent()) {
            return Gated.rejected(limited.get());
        }
        Optional<MessengerVisitor> visitor = sessions.contactOf(claims.get())
                .map(contact -> new MessengerVisitor(contact.id(), claims.get().origin(), claims.get().expiresAt()));
        if (visitor.isEmpty() && !claims.get().anonymous()) {
            return Gated.rejected(sessionEnded(locale));
        }
        return new Gated(claims, visitor, Optional.empty());
    }

    /**
     * Rejects a state change sent by a browser from another site than Optline itself, where the
     * messenger frame lives. Requests without an {@code Origin} come from non-browser clients,
     * which the token alone authenticates. An {@code Origin} must match the request's scheme, host and
     * port. Chromium sends {@code Origin: null} for the frame's own
     * requests, because Optline's pages set {@code Referrer-Policy: no-referrer}; such a request passes
     * only with {@code Sec-Fetch-Site: same-origin}.
     */
    Optional<Response> requireFrameOrigin(HttpServletRequest request, Locale locale) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        boolean sameOrigin = "same-origin".equals(fetchSite);
        boolean crossSite = fetchSite != null && !sameOrigin && !fetchSite.equals("none");
        String origin = request.getHeader("Origin");
        boolean foreignOrigin = origin != null && !(origin.equals("null") ? sameOrigin
                : sameOrigin(origin, request));
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

    /**
     * Returns whether {@code origin} has the scheme the server received the request with and the
     * authority of its {@code Host} header.
     * NOTE: behind a proxy that ends TLS, the servlet receives http unless the proxy's scheme is passed on,
     * so such a setup must tell Payara the original scheme or the frame's messages are rejected.
     */
    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return authority != null && authority.equalsIgnoreCase(host)
                    && request.getScheme().equalsIgnoreCase(uri.getScheme());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Response sessionEnded(Locale locale) {
        return notice(401, MessengerTexts.forLocale(locale).get("error.session"));
    }

    /**
     * The outcome of {@link #admit}: the token's claims and the contact they stand for, which is empty
     * for an anonymous visitor without a lead yet, or the response that rejects the request.
     */
    record Gated(Optional<MessengerClaims> claims, Optional<MessengerVisitor> visitor, Optional<Response> rejection) {

        static Gated rejected(Response response) {
            return new Gated(Optional.empty(), Optional.empty(), Optional.of(response));
        }
    }
}
