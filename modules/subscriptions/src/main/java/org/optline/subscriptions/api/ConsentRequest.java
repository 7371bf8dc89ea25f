package org.optline.subscriptions.api;

import java.util.Objects;

/**
 * A request to record that a contact opted in to or out of a subscription type.
 *
 * @param actorId        who acted: an account email, {@code api-token:<id>}, or null for the customer
 * @param overrideReason why an operator opts in a contact who opted out themselves; null otherwise
 * @param bulkJobId      the bulk job the change belongs to, or null
 */
public record ConsentRequest(long contactId, long subscriptionTypeId, ConsentAction action, ConsentSource source,
                             ActorKind actorKind, String actorId, Evidence evidence, String overrideReason,
                             Long bulkJobId) {

    public ConsentRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(actorKind, "actorKind");
        evidence = evidence == null ? Evidence.NONE : evidence;
    }

    /** Returns a request by an admin or agent with no override and no bulk job. */
    public static ConsentRequest byOperator(long contactId, long typeId, ConsentAction action, ConsentSource source,
                                            ActorKind actorKind, String actorId, Evidence evidence) {
        return new ConsentRequest(contactId, typeId, action, source, actorKind, actorId, evidence, null, null);
    }

    public ConsentRequest withOverride(String reason) {
        return new ConsentRequest(contactId, subscriptionTypeId, action, source, actorKind, actorId, evidence, reason, bulkJobId);
    }
}
