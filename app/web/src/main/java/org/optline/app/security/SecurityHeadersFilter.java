package org.optline.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Adds the headers that every response carries: no MIME sniffing, no referrer (links to customers'
 * pages carry tokens), and for pages a content security policy that allows only this site's own
 * scripts and styles and forbids framing. The messenger sets its own policy, because allow-listed
 * websites may frame it, and the widget's files are loaded by other websites. Requests to the
 * messenger go on as a {@link SessionlessRequest}, so nothing under it creates an HTTP session.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /**
     * Scripts and styles only from this site, so an injected tag cannot run; {@code data:} images for
     * the icons inside Bootstrap's CSS; no framing, no plugins, no foreign form targets.
     */
    static final String PAGE_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "object-src 'none'");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (RequestKinds.isApi(request)) {
            response.setHeader("Cache-Control", "no-store");
        } else if (RequestKinds.isWebhook(request)) {
            // Providers call webhooks without cookies; a session created here would only cost memory.
            response.setHeader("Cache-Control", "no-store");
            chain.doFilter(new SessionlessRequest(request), response);
            return;
        } else if (RequestKinds.isMessenger(request)) {
            // The messenger's resources set Content-Security-Policy with frame-ancestors from the allow-list.
            response.setHeader("Cache-Control", "no-store");
            chain.doFilter(new SessionlessRequest(request), response);
            return;
        } else if (RequestKinds.isWidgetFile(request)) {
            response.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
            response.setHeader("Cache-Control", "public, max-age=300");
        } else {
            response.setHeader("Content-Security-Policy", PAGE_POLICY);
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            if (!RequestKinds.path(request).startsWith("/webjars/")) {
                response.setHeader("Cache-Control", "no-store");
            }
        }
        chain.doFilter(request, response);
    }
}
