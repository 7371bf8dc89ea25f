package org.optline.helpdesk.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.optline.helpdesk.control.messenger.MessengerSettings;
import org.optline.helpdesk.control.messenger.MessengerSettingsStore;
import org.optline.helpdesk.control.messenger.MessengerTokenCodec;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Signed tokens that authenticate the messenger widget without cookies, so that it works on other
 * sites with third-party cookies blocked. A token is HMAC-SHA256 signed with the workspace's key, which
 * every instance reads from the database, carries the contact, the embedding origin, an expiry and a
 * random nonce, and is never logged.
 */
@ApplicationScoped
public class MessengerTokens {

    /** How long a token is accepted; the widget asks for a new one when it is older than an hour. */
    public static final Duration LIFETIME = Duration.ofHours(12);

    /** The request header in which the messenger frame and apps send the token. */
    public static final String HEADER = "X-Optline-Messenger-Token";

    @Inject
    MessengerSettingsStore settings;

    @Inject
    Clock clock;

    /** Returns a new token for the contact on the site {@code origin}, which the caller has checked. */
    public String issue(long contactId, String origin) {
        MessengerSettings current = settings.current();
        return new MessengerTokenCodec(current.signingKeyBytes())
                .sign(new MessengerVisitor(contactId, origin, clock.instant().plus(LIFETIME)));
    }

    /**
     * Returns the visitor of a token whose signature is valid, which has not expired, and whose origin
     * is still on the allow-list, or empty for any other value, without saying why.
     */
    public Optional<MessengerVisitor> verify(String token) {
        MessengerSettings current = settings.current();
        return new MessengerTokenCodec(current.signingKeyBytes()).verify(token, clock.instant())
                .filter(visitor -> current.allowedOrigins().contains(visitor.origin()));
    }
}
