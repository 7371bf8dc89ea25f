package org.optline.segments.api;

/** The reason a contact of a segment is left out of a send under a subscription type. */
public enum ExclusionReason {
    /** The contact has no phone number. */
    NO_PHONE,
    /** The stored number is not a valid number, or was stored without a line type. */
    INVALID_NUMBER,
    /** The number is a landline or another line type that cannot take texts, such as a pager. */
    LANDLINE,
    /** The number texted STOP, or its carrier reported an opt-out, and it has not texted START since. */
    NUMBER_BLOCKED,
    /** An opt-in type, and the contact never opted in. */
    NOT_OPTED_IN,
    /** The contact opted out of the type. */
    OPTED_OUT,
    /** The subscription type is not live, so no message may be sent under it. */
    TYPE_NOT_LIVE,
    /**
     * A contact of the audience with a lower id has the same number and is reachable, and a send texts
     * each number once.
     */
    DUPLICATE_NUMBER
}
