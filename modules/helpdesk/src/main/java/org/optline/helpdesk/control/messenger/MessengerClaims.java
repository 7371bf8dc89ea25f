package org.optline.helpdesk.control.messenger;

import java.time.Instant;

/**
 * What a messenger token names: an identified contact, or an anonymous visitor whose lead, if any, is
 * looked up on every request. A visitor's lead is created only when they first write, so a token for a
 * visitor can exist before the lead does.
 *
 * @param contactId the contact of an identified user, or 0 for an anonymous visitor
 * @param visitorId the anonymous visitor id that optline.js keeps, or null for a contact
 * @param origin    the allow-listed origin of the site the widget runs on
 * @param expiresAt when the token stops being accepted
 */
public record MessengerClaims(long contactId, String visitorId, String origin, Instant expiresAt) {

    public MessengerClaims {
        if ((contactId > 0) == (visitorId != null)) {
            throw new IllegalArgumentException("Messenger claims name either a contact or a visitor, got contact "
                    + contactId + " and " + (visitorId == null ? "no visitor" : "a visitor"));
        }
    }

    public static MessengerClaims ofContact(long contactId, String origin, Instant expiresAt) {
        return new MessengerClaims(contactId, null, origin, expiresAt);
    }

    public static MessengerClaims ofVisitor(String visitorId, String origin, Instant expiresAt) {
        return new MessengerClaims(0, visitorId, origin, expiresAt);
    }

    public boolean anonymous() {
        return visitorId != null;
    }

    /** Returns the key under which the requests of this visitor or contact are counted. */
    public String rateLimitKey() {
        return anonymous() ? "anonymous:" + visitorId : "contact:" + contactId;
    }
}
