package org.optline.helpdesk.api;

/** Whether a conversation waits for the team. Closed conversations can be reopened. */
public enum ConversationState {
    OPEN,
    CLOSED
}
