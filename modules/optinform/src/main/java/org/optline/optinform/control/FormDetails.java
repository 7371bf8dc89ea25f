package org.optline.optinform.control;

import org.optline.optinform.entity.FormState;
import org.optline.subscriptions.api.SubscriptionTypeView;

import java.time.Instant;
import java.util.Optional;

/**
 * An inserted opt-in form with its texts and, once the customer submitted it, the result.
 *
 * @param type       the subscription type, or empty when it no longer exists
 * @param submission the customer's submission, or empty while the form waits
 */
public record FormDetails(long id, long conversationId, Long partId, FormState state, long subscriptionTypeId,
                          Optional<SubscriptionTypeView> type, long versionId, FormContent content,
                          Optional<Submitted> submission) {

    /**
     * What the customer submitted.
     *
     * @param phone                the number opted in, in E.164 form, or null for an email subscription
     * @param awaitingConfirmation whether the opt-in waits for the customer's YES by text
     */
    public record Submitted(String phone, Instant at, boolean awaitingConfirmation) {
    }
}
