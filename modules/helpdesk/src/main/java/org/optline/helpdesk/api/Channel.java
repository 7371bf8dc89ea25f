package org.optline.helpdesk.api;

/** How a conversation reaches the contact. */
public enum Channel {
    /** The messenger widget on the business's website. */
    MESSENGER,
    /** Text messages to and from the contact's phone number. */
    SMS
}
