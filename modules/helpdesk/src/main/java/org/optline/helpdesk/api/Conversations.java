package org.optline.helpdesk.api;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/**
 * Conversations and their parts. Every change is stored in MariaDB before the call returns, so any app
 * instance serves the next request.
 */
@ApplicationScoped
public class Conversations {

    /** Starts a conversation that the contact opens, in the messenger or by texting in. */
    public ConversationView startByContact(long contactId, Channel channel) {
        throw new UnsupportedOperationException("Conversations are not built yet.");
    }

    /** Starts a conversation that an agent opens with the contact, proactively. */
    public ConversationView startByAgent(long contactId, Channel channel, String agent) {
        throw new UnsupportedOperationException("Conversations are not built yet.");
    }

    /** Returns a conversation. */
    public Optional<ConversationView> find(long conversationId) {
        throw new UnsupportedOperationException("Conversations are not built yet.");
    }

    /** Returns the contact's conversations on a channel, the most recently updated first. */
    public List<ConversationView> ofContact(long contactId, Channel channel) {
        throw new UnsupportedOperationException("Conversations are not built yet.");
    }

    /** Returns the parts of a conversation with an id above {@code afterPartId}, oldest first. */
    public List<PartView> parts(long conversationId, long afterPartId) {
        throw new UnsupportedOperationException("Conversations are not built yet.");
    }

    /** Returns one part. */
    public Optional<PartView> part(long partId) {
        throw new UnsupportedOperationException("Conversations are not built yet.");
    }

    /**
     * Adds a message by the contact. Reopens a closed conversation.
     *
     * @throws ConversationNotFoundException when the conversation does not exist or is not the contact's
     */
    public PartView addCustomerMessage(long conversationId, long contactId, String body) {
        throw new UnsupportedOperationException("Conversations are not built yet.");
    }

    /** Adds a message by an agent. */
    public PartView addAgentMessage(long conversationId, String agent, String body) {
        throw new UnsupportedOperationException("Conversations are not built yet.");
    }

    /** Adds an app part, such as an opt-in form that the app module has stored under {@code appRef}. */
    public PartView addApp(long conversationId, String agent, String appType, long appRef) {
        throw new UnsupportedOperationException("Conversations are not built yet.");
    }

    /** Adds a line for agents, such as the result of a form the contact submitted. */
    public PartView addEvent(long conversationId, String text) {
        throw new UnsupportedOperationException("Conversations are not built yet.");
    }
}
