package org.optline.subscriptions.api;

import java.time.Instant;

/** One event of a contact's consent record, as the profile timeline and the API show it. */
public record ConsentEventView(long id, long contactId, int seq, long subscriptionTypeId, ConsentAction action,
                               Instant occurredAt, ConsentSource source, ActorKind actorKind, String actorId,
                               String phone, String ipAddress, String userAgent, Long conversationId, Long messageId,
                               ShownText shownText, String overrideReason, Long bulkJobId, String previousHash,
                               String hash, String keyword, Long inboundSmsId) {

    /** Returns an event that did not come from an inbound SMS. */
    public ConsentEventView(long id, long contactId, int seq, long subscriptionTypeId, ConsentAction action,
                            Instant occurredAt, ConsentSource source, ActorKind actorKind, String actorId,
                            String phone, String ipAddress, String userAgent, Long conversationId, Long messageId,
                            ShownText shownText, String overrideReason, Long bulkJobId, String previousHash,
                            String hash) {
        this(id, contactId, seq, subscriptionTypeId, action, occurredAt, source, actorKind, actorId, phone, ipAddress,
                userAgent, conversationId, messageId, shownText, overrideReason, bulkJobId, previousHash, hash, null, null);
    }
}
