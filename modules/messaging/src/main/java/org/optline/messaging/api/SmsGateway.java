package org.optline.messaging.api;

/**
 * Sends one text message. Implementations: the sandbox gateway, which stores messages in an outbox
 * that admins read in the app, and the Twilio gateway.
 */
public interface SmsGateway {

    /**
     * Sends {@code body} to {@code to} (E.164) and returns the provider's message id.
     *
     * @throws SmsGatewayException when the provider rejects the message or cannot be reached; its
     *                             {@link SmsGatewayException#retryable()} tells whether to try again
     */
    String send(String to, String body, String idempotencyKey) throws SmsGatewayException;

    /**
     * Returns whether a second {@link #send} with the same idempotency key sends nothing more and
     * returns the first message's id. Only then may a send whose outcome is unknown, because the
     * instance making it died, be repeated without risking a second message.
     */
    default boolean deduplicates() {
        return false;
    }
}
