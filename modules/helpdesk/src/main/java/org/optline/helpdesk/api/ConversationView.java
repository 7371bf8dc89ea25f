package org.optline.helpdesk.api;

import java.time.Instant;

/**
 * A conversation between one contact and the team.
 *
 * @param startedBy the account email of the agent who started it, or null when the contact started it
 */
public record ConversationView(long id, long contactId, Channel channel, ConversationState state, String startedBy,
                               Instant createdAt, Instant updatedAt, long version) {
}
