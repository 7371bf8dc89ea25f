package org.optline.subscriptions.api;

import java.time.Instant;

/** What became of one {@link ConsentRequest}. */
public sealed interface ConsentOutcome {

    long contactId();

    /** The request changed the contact's state and was recorded as event {@code seq} of its chain. */
    record Changed(long contactId, int seq, ConsentAction action) implements ConsentOutcome {
    }

    /** The contact's state already was what the request asked for; nothing was recorded. */
    record AlreadySo(long contactId, ConsentAction action) implements ConsentOutcome {
    }

    /**
     * The opt-in waits for the customer's YES by text, because the type asks for double opt-in. Nothing
     * was recorded in the ledger; the contact stays out until the YES.
     *
     * @param expiresAt          when the request lapses without a YES
     * @param confirmationQueued whether a confirmation text was queued; false when one was queued for
     *                           the same request a short while ago
     */
    record Pending(long contactId, Instant expiresAt, boolean confirmationQueued) implements ConsentOutcome {
    }

    /** A rule refused the request; nothing was recorded. */
    record Refused(long contactId, RefusalReason reason, String message) implements ConsentOutcome {
    }

    /** Why a request was refused. */
    enum RefusalReason {
        CONTACT_NOT_FOUND,
        TYPE_NOT_FOUND,
        TYPE_NOT_LIVE,
        NO_PHONE,
        NOT_SMS_CAPABLE,
        OPTED_OUT_BY_CUSTOMER
    }
}
