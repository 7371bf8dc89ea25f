package org.optline.helpdesk.control.messenger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.optline.platform.limits.RateLimiter;

import java.util.OptionalLong;

/**
 * The messenger's limits on requests per client IP address and per visitor, counted per minute by the
 * platform's {@link RateLimiter}, so that a limit applies across instances.
 */
@ApplicationScoped
public class RateLimits {

    @Inject
    RateLimiter limiter;

    @Inject
    @ConfigProperty(name = "optline.messenger.requests-per-ip-per-minute", defaultValue = "600")
    int perIp;

    @Inject
    @ConfigProperty(name = "optline.messenger.requests-per-visitor-per-minute", defaultValue = "60")
    int perVisitor;

    @Inject
    @ConfigProperty(name = "optline.messenger.failures-per-ip-per-minute", defaultValue = "120")
    int failuresPerIp;

    /**
     * Counts a request from the IP address {@code ip}, an IPv6 address by its /64 network, and returns the
     * seconds until the caller may try again when the address went over its limit, or empty.
     */
    public OptionalLong hitByIp(String ip) {
        return limiter.hit("ip", RateLimiter.clientNetwork(ip), perIp);
    }

    /** Counts a request of the visitor {@code visitorKey}, such as {@code contact:42}, like {@link #hitByIp}. */
    public OptionalLong hitByVisitor(String visitorKey) {
        return limiter.hit("visitor", visitorKey, perVisitor);
    }

    /**
     * Counts a failed identity check from the IP address {@code ip}, like {@link #hitByIp} but against
     * the lower limit of failures, so that guessing costs the guesser and never the guessed user.
     */
    public OptionalLong hitFailureByIp(String ip) {
        return limiter.hit("failure", RateLimiter.clientNetwork(ip), failuresPerIp);
    }
}
