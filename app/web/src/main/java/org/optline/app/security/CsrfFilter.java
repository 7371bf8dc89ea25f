package org.optline.app.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.optline.app.web.Alerts;
import org.optline.platform.web.CrossSite;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Rejects state-changing page requests that lack the session's CSRF token or come from another site.
 *
 * <p>The token travels in the {@value CsrfTokens#HEADER} header, which the layout makes htmx send
 * with every request; only the plain sign-in and sign-out forms send it as a form field. The public
 * API is exempt because it authenticates with a bearer token and ignores cookies, and so is the
 * messenger, which authenticates with a messenger token in a header and checks the origin itself, and
 * so are the SMS webhooks, which a provider's servers call with a signature or an API token.
 * The customer's preference center at {@code /p/*} has no session either: this filter marks a
 * cross-site request with {@link CrossSite#REQUEST_ATTRIBUTE}, and its resource rejects such a request
 * and checks the form token that the page derives from its link.
 */
public class CsrfFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CsrfFilter.class.getName());

    @Inject
    Alerts alerts;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!RequestKinds.isStateChanging(request) || RequestKinds.isApi(request) || RequestKinds.isMessenger(request)
                || RequestKinds.isWebhook(request)) {
            chain.doFilter(request, response);
            return;
        }
        boolean crossSite = isCrossSite(request);
        if (RequestKinds.isPreferenceCenter(request)) {
            // The page has no session to hold a token, so its resource checks the form token bound to the
            // link. It also rejects a cross-site request, with a page in the customer's language.
            if (crossSite) {
                request.setAttribute(CrossSite.REQUEST_ATTRIBUTE, Boolean.TRUE);
            }
            chain.doFilter(request, response);
            return;
        }
        if (crossSite) {
            reject(request, response, "cross-site request");
            return;
        }
        String token = request.getHeader(CsrfTokens.HEADER);
        if (token == null && acceptsFormField(request)) {
            token = request.getParameter(CsrfTokens.FIELD);
        }
        if (!CsrfTokens.matches(request, token)) {
            reject(request, response, token == null ? "missing CSRF token" : "wrong CSRF token");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Only plain servlet forms read the field; JAX-RS reads form bodies itself and must get them unread. */
    private static boolean acceptsFormField(HttpServletRequest request) {
        String path = RequestKinds.path(request);
        return path.equals("/login") || path.equals("/logout");
    }

    /**
     * Compares the browser's {@code Origin} with the {@code Host} the request was sent to. An
     * {@code Origin} of {@code null} proves nothing, because the pages set {@code Referrer-Policy:
     * no-referrer} and browsers then send {@code null} for this site's own form posts (seen with
     * Chromium 156). Such requests are judged by {@code Sec-Fetch-Site} and the token alone.
     */
    private static boolean isCrossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && fetchSite.toLowerCase(Locale.ROOT).equals("cross-site")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        String host = request.getHeader("Host");
        if (origin == null || origin.equals("null") || host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return !authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, String reason) throws IOException {
        LOG.warning(() -> "Rejected " + request.getMethod() + " " + RequestKinds.path(request) + ": " + reason);
        alerts.send(request, response, HttpServletResponse.SC_FORBIDDEN,
                "The request was rejected because its security token is missing, expired or from another site. "
                        + "Reload the page and try again.");
    }
}
