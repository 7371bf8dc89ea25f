package org.optline.helpdesk.api;

import java.time.Instant;

/**
 * One entry of a conversation, in the order parts were added (ids grow).
 *
 * @param authorId the account email of the agent, or null for the contact and the system
 * @param body     plain text as written, never HTML; null for app parts
 * @param appType  the app of an {@link PartKind#APP} part, such as {@code optin_form}; null otherwise
 * @param appRef   the app's own id of what the part shows, such as an opt-in form id; null otherwise
 */
public record PartView(long id, long conversationId, PartKind kind, String authorId, String body, String appType,
                       Long appRef, Instant createdAt) {
}
