package org.optline.helpdesk.api;

/**
 * Delivers agent messages on a channel that the helpdesk cannot reach itself, such as SMS. Another
 * module implements it as a CDI bean; the helpdesk calls it in the transaction that adds the agent's
 * message, so a message that cannot be delivered is not stored either.
 */
public interface ChannelDelivery {

    /** Returns the channel this delivers on. */
    Channel channel();

    /**
     * Queues the agent's message for delivery to the contact of the conversation.
     *
     * @throws org.optline.platform.InvalidInputException naming the reason when the contact cannot be
     *                                                    reached, such as a number that texted STOP
     */
    void deliver(ConversationView conversation, PartView part);
}
