package org.optline.optinform.boundary;

/**
 * What an agent sees of an opt-in form in a conversation.
 *
 * @param typeName    the subscription type's default name
 * @param submitted   whether the customer submitted the form
 * @param maskedPhone the number opted in with most digits hidden, or null
 * @param submittedAt when the customer submitted it, in UTC, or null
 */
public record AgentFormModel(long formId, String typeName, String title, boolean submitted, String maskedPhone,
                             String submittedAt) {
}
