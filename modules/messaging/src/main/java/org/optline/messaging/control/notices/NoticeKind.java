package org.optline.messaging.control.notices;

/** The purpose of a single text outside a campaign. */
public enum NoticeKind {
    /** The one confirmation of an opt-out keyword such as STOP. */
    OPT_OUT,
    /** The one confirmation of an opt-in keyword such as START. */
    OPT_IN,
    /** The answer to HELP: the business, a support contact and how to stop. */
    HELP,
    /** The request to confirm an opt-in of a double opt-in type by replying YES. */
    DOUBLE_OPT_IN,
    /** An agent's reply in an SMS conversation of the helpdesk. */
    AGENT_REPLY
}
