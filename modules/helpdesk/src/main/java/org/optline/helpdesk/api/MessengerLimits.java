package org.optline.helpdesk.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.optline.helpdesk.control.messenger.RateLimits;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The rate limits of the messenger's public endpoints, for apps whose endpoints the messenger frame
 * calls. Each method counts one request and returns the 429 response that rejects it when a limit is
 * exceeded, or empty. Count by address before any other work, and by visitor once the token is verified.
 */
@ApplicationScoped
public class MessengerLimits {

    @Inject
    RateLimits rateLimits;

    /** Counts the request against the limit of its client IP address. */
    public Optional<Response> admitByIp(HttpServletRequest request) {
        return tooManyRequests(rateLimits.hitByIp(request.getRemoteAddr()));
    }

    /** Counts the request against the limit of the visitor's contact. */
    public Optional<Response> admitByVisitor(MessengerVisitor visitor) {
        return tooManyRequests(rateLimits.hitByVisitor("contact:" + visitor.contactId()));
    }

    /**
     * Returns a 429 response with {@code Retry-After} when {@code retryAfter} contains the seconds until
     * the window ends, or empty when it is empty.
     */
    public static Optional<Response> tooManyRequests(OptionalLong retryAfter) {
        if (retryAfter.isEmpty()) {
            return Optional.empty();
        }
        long seconds = Math.max(1, retryAfter.getAsLong());
        return Optional.of(Response.status(Response.Status.TOO_MANY_REQUESTS).header("Retry-After", seconds)
                .type(MediaType.TEXT_PLAIN_TYPE)
                .entity("Too many messenger requests. Try again in " + seconds + " seconds.")
                .build());
    }
}
