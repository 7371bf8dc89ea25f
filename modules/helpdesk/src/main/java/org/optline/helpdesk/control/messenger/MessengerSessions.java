package org.optline.helpdesk.control.messenger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.Contacts;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Issues and checks messenger tokens with the workspace's signing key, and finds the contact a token
 * stands for: the identified contact it names, or the lead of the anonymous visitor it names.
 */
@ApplicationScoped
public class MessengerSessions {

    /** How long a token is accepted. The widget requests a new one when its token is older than an hour. */
    public static final Duration LIFETIME = Duration.ofHours(12);

    @Inject
    MessengerSettingsStore settings;

    @Inject
    MessengerVisitors visitors;

    @Inject
    Contacts contacts;

    @Inject
    Clock clock;

    /** Returns a new token for the identified contact on the site {@code origin}, which the caller has checked. */
    public String issueForContact(long contactId, String origin) {
        return sign(MessengerClaims.ofContact(contactId, origin, clock.instant().plus(LIFETIME)));
    }

    /** Returns a new token for the anonymous visitor {@code visitorId}, whose lead may not exist yet. */
    public String issueForVisitor(String visitorId, String origin) {
        return sign(MessengerClaims.ofVisitor(MessengerVisitors.requireVisitorId(visitorId), origin,
                clock.instant().plus(LIFETIME)));
    }

    /**
     * Returns the claims of a token whose signature is valid, which has not expired, and whose origin
     * is still on the allow-list, or empty for any other value, without saying why.
     */
    public Optional<MessengerClaims> verify(String token) {
        MessengerSettings current = settings.current();
        return new MessengerTokenCodec(current.signingKeyBytes()).verify(token, clock.instant())
                .filter(claims -> current.allowedOrigins().contains(claims.origin()));
    }

    /**
     * Returns the contact that {@code claims} stand for when it exists and is not deleted: the named
     * contact, or the anonymous visitor's lead. Empty for a visitor who has not written yet.
     */
    public Optional<ContactView> contactOf(MessengerClaims claims) {
        return claims.anonymous() ? visitors.existingLead(claims.visitorId()) : contacts.find(claims.contactId());
    }

    private String sign(MessengerClaims claims) {
        return new MessengerTokenCodec(settings.current().signingKeyBytes()).sign(claims);
    }
}
