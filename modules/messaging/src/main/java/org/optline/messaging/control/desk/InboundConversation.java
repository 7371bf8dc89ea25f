package org.optline.messaging.control.desk;

/**
 * Where an inbound text landed in the helpdesk, for {@code sms_inbound.conversation_id} and
 * {@code conversation_part_id}.
 *
 * @param contactId the contact the message was added for, possibly a lead created for an unknown number
 */
public record InboundConversation(long conversationId, long partId, long contactId) {
}
