package org.optline.messaging.control;

/** The reason a recipient was skipped, held or failed, stored in {@code sms_recipient.reason}. */
public enum RecipientReason {
    /** The contact opted out of the subscription type. */
    OPTED_OUT("opted out"),
    /** An opt-in type, and the contact has no opt-in for the current phone number. */
    NOT_OPTED_IN("not opted in"),
    /** The subscription type is no longer live. */
    TYPE_NOT_LIVE("subscription type not live"),
    /** The contact was deleted after the send was composed. */
    CONTACT_DELETED("contact deleted"),
    /** The contact has no phone number. */
    NO_PHONE("no phone number"),
    /** The number texted STOP (or the carrier reported it opted out) and has not texted START since. */
    NUMBER_BLOCKED("number texted STOP"),
    /** Another recipient of the same send has the same number and got the message. */
    DUPLICATE_NUMBER("number shared with another recipient"),
    /** The number is a landline or of another kind that cannot take texts. */
    NOT_MOBILE("number cannot take texts"),
    /** Held until the recipient's quiet hours end. */
    QUIET_HOURS("quiet hours"),
    /** The gateway failed in a way that a retry may cure. */
    GATEWAY_ERROR("gateway error"),
    /** The gateway rejected the message for good. */
    GATEWAY_REJECTED("rejected by the gateway"),
    /**
     * The instance sending the message died during the gateway call, and the gateway cannot tell
     * whether the message left, so it is not sent again.
     */
    UNKNOWN_OUTCOME("outcome unknown after a crash");

    private final String label;

    RecipientReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
