package org.optline.subscriptions.api;

/** What became of one {@link ConsentRequest}. */
public sealed interface ConsentOutcome {

    long contactId();

    /** The request changed the contact's state and was recorded as event {@code seq} of its chain. */
    record Changed(long contactId, int seq, ConsentAction action) implements ConsentOutcome {
    }

    /** The contact's state already was what the request asked for; nothing was recorded. */
    record AlreadySo(long contactId, ConsentAction action) implements ConsentOutcome {
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
