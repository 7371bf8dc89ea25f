package org.optline.messaging.api;

import java.util.ArrayList;
import java.util.List;

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

    /** One message of {@link #sendAll}: as the parameters of {@link #send}. */
    record Message(String to, String body, String idempotencyKey) {
    }

    /** The outcome of one message of {@link #sendAll}: the provider's message id, or else the error. */
    record Result(String providerMessageId, SmsGatewayException error) {
    }

    /**
     * Sends several messages and returns one result per message, in their order. This default calls
     * {@link #send} for each, and a gateway that takes many messages in one call overrides it.
     */
    default List<Result> sendAll(List<Message> messages) {
        List<Result> results = new ArrayList<>(messages.size());
        for (Message message : messages) {
            try {
                results.add(new Result(send(message.to(), message.body(), message.idempotencyKey()), null));
            } catch (SmsGatewayException e) {
                results.add(new Result(null, e));
            }
        }
        return results;
    }

    /**
     * Returns whether {@link #sendAll} takes many messages in one call, so that a sender may give it
     * large batches. One by one, a large batch could outlast the sender's claim on its recipients.
     */
    default boolean sendsInBulk() {
        return false;
    }
}
