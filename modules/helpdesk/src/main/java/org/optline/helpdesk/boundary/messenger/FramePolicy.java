package org.optline.helpdesk.boundary.messenger;

import java.util.List;

/** The content security policy of the messenger frame. */
final class FramePolicy {

    private FramePolicy() {
    }

    /**
     * Returns a policy that allows only Optline's own scripts, styles and requests, and framing only by
     * {@code allowedOrigins}, or by nobody while the allow-list is empty.
     */
    static String of(List<String> allowedOrigins) {
        String ancestors = allowedOrigins.isEmpty() ? "'none'" : String.join(" ", allowedOrigins);
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:",
                "connect-src 'self'",
                "form-action 'self'",
                "frame-ancestors " + ancestors,
                "base-uri 'none'",
                "object-src 'none'");
    }
}
