package org.optline.helpdesk.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.optline.helpdesk.control.messenger.MessengerSessions;

import java.time.Duration;
import java.util.Optional;

/**
 * Signed tokens that authenticate the messenger widget without cookies, so that it works on other
 * sites with third-party cookies blocked. A token is HMAC-SHA256 signed with the workspace's key, which
 * every instance reads from the database, carries the contact (or the anonymous visitor), the embedding
 * origin, an expiry and a random nonce, and is never logged.
 */
@ApplicationScoped
public class MessengerTokens {

    /** How long a token is accepted. The widget requests a new one when its token is older than an hour. */
    public static final Duration LIFETIME = MessengerSessions.LIFETIME;

    /** The request header in which the messenger frame and apps send the token. */
    public static final String HEADER = "X-Optline-Messenger-Token";

    @Inject
    MessengerSessions sessions;

    /** Returns a new token for the contact on the site {@code origin}, which the caller has checked. */
    public String issue(long contactId, String origin) {
        return sessions.issueForContact(contactId, origin);
    }

    /**
     * Returns the visitor of a token whose signature is valid, which has not expired, whose origin is
     * still on the allow-list, and whose contact exists and is not deleted, or empty for any other
     * value, without saying why. A token of an anonymous visitor who has not written yet has no
     * contact, so it is empty here too.
     */
    public Optional<MessengerVisitor> verify(String token) {
        return verifyWithContact(token).map(VerifiedVisitor::visitor);
    }

    /** Checks a token like {@link #verify} and returns the visitor together with the contact it read. */
    public Optional<VerifiedVisitor> verifyWithContact(String token) {
        return sessions.verify(token).flatMap(claims -> sessions.contactOf(claims)
                .map(contact -> new VerifiedVisitor(new MessengerVisitor(contact.id(), claims.origin(),
                        claims.expiresAt()), contact)));
    }
}
