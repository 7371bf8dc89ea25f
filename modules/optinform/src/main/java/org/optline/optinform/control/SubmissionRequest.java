package org.optline.optinform.control;

/**
 * A customer's submission of an opt-in form, as the messenger sent it.
 *
 * @param contactId      the contact of the verified messenger token
 * @param idempotencyKey the key rendered into the form, the same for every retry of one submission
 * @param typedPhone     what the customer typed into the phone field, or null when the form had none
 * @param locale         the language of the customer texts the form was shown in, such as {@code fr}
 * @param defaultButton  the default button text in that language, which the customer read when the agent
 *                       left the button text empty
 */
public record SubmissionRequest(long formId, long contactId, String idempotencyKey, String typedPhone,
                                String ipAddress, String userAgent, String locale, String defaultButton) {
}
