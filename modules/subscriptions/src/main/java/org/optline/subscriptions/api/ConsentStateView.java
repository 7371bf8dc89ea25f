package org.optline.subscriptions.api;

import java.time.Instant;

/**
 * A contact's current consent for one subscription type, from its latest explicit event.
 *
 * @param eventSeq the position of the latest event in the contact's chain
 * @param phone the number an SMS consent concerned; consent does not carry over to a new number
 */
public record ConsentStateView(long contactId, long subscriptionTypeId, ConsentAction state, int eventSeq,
                               ConsentSource source, ActorKind actorKind, String phone, Instant changedAt) {
}
