package org.optline.helpdesk.api;

/** What a conversation part is. */
public enum PartKind {
    /** A message the contact wrote. */
    CUSTOMER_MESSAGE,
    /** A reply or outbound message by an agent or admin. */
    AGENT_MESSAGE,
    /** An app inserted by an agent, such as the opt-in form; {@link PartView#appType()} names the app. */
    APP,
    /** A line the system adds, such as "Ann opted in to Order updates"; shown to agents only. */
    EVENT
}
