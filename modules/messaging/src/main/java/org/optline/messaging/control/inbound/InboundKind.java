package org.optline.messaging.control.inbound;

/** What Optline took an inbound message for, as stored in {@code sms_inbound.kind}. */
public enum InboundKind {
    /** An opt-out keyword such as STOP. */
    OPT_OUT,
    /** An opt-in keyword such as START that restored something or ended a block. */
    OPT_IN,
    /** A help keyword such as HELP. */
    HELP,
    /** A YES that confirmed a pending double opt-in. */
    CONFIRM,
    /** A message that reads as a request to stop; an agent reviews it. */
    REVIEW,
    /** Any other message, for the helpdesk. */
    MESSAGE,
    /** A message from a sender that is not a phone number, such as an alphanumeric sender id; stored only. */
    IGNORED
}
