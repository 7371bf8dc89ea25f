package org.optline.subscriptions.api;

import java.util.Objects;

/**
 * A request to subscribe ({@link ConsentAction#OPT_IN}) or unsubscribe ({@link ConsentAction#OPT_OUT})
 * many contacts from one subscription type, in the background.
 *
 * @param overrideReason why the job may opt in contacts who opted out themselves, or null; recorded in
 *                       each event of the job
 * @param expectedCount  the number of contacts the admin confirmed, or null to skip the check; creation
 *                       is rejected when the selection resolves to another number
 * @param actorKind      {@link ActorKind#ADMIN} for a page, {@link ActorKind#API_TOKEN} for the API
 * @param actorId        the account email or {@code api-token:<id>} that created the job
 */
public record NewBulkJob(long subscriptionTypeId, ConsentAction action, ContactSelection selection,
                         String overrideReason, Integer expectedCount, ActorKind actorKind, String actorId) {

    public NewBulkJob {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(actorKind, "actorKind");
        Objects.requireNonNull(actorId, "actorId");
    }
}
