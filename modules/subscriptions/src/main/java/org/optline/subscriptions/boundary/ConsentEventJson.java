package org.optline.subscriptions.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.optline.subscriptions.api.ChainVerification;
import org.optline.subscriptions.api.ConsentEventView;

import java.util.List;
import java.util.Locale;

/** Consent events and chain checks in the API, in the snake_case style of Intercom's objects. */
public record ConsentEventJson(
        String type, String id, @JsonbProperty("contact_id") String contactId, int seq,
        @JsonbProperty("subscription_type_id") String subscriptionTypeId, String action,
        @JsonbProperty("occurred_at") long occurredAt, String source, @JsonbProperty("actor_kind") String actorKind,
        @JsonbProperty("actor_id") String actorId, String phone, @JsonbProperty("ip_address") String ipAddress,
        @JsonbProperty("user_agent") String userAgent, @JsonbProperty("conversation_id") String conversationId,
        @JsonbProperty("message_id") String messageId, @JsonbProperty("shown_text") ShownTextJson shownText,
        @JsonbProperty("override_reason") String overrideReason, @JsonbProperty("bulk_job_id") String bulkJobId,
        @JsonbProperty("previous_hash") String previousHash, String hash) {

    /** The texts the customer saw. */
    public record ShownTextJson(String locale, String title, String button, @JsonbProperty("legal_text") String legalText) {
    }

    /** Intercom's list envelope. */
    @JsonbPropertyOrder({"type", "data"})
    public record ListJson(String type, List<ConsentEventJson> data) {
    }

    /** The result of checking a chain. */
    public record VerificationJson(String type, @JsonbProperty("contact_id") String contactId, boolean intact, int events,
                                   @JsonbProperty("head_hash") String headHash, String problem) {
    }

    static ListJson list(List<ConsentEventView> events) {
        return new ListJson("list", events.stream().map(ConsentEventJson::of).toList());
    }

    static ConsentEventJson of(ConsentEventView event) {
        return new ConsentEventJson("consent_event", String.valueOf(event.id()), String.valueOf(event.contactId()),
                event.seq(), String.valueOf(event.subscriptionTypeId()), event.action().name().toLowerCase(Locale.ROOT),
                event.occurredAt().getEpochSecond(), event.source().name().toLowerCase(Locale.ROOT),
                event.actorKind().name().toLowerCase(Locale.ROOT), event.actorId(), event.phone(), event.ipAddress(),
                event.userAgent(), text(event.conversationId()), text(event.messageId()),
                event.shownText() == null ? null : new ShownTextJson(event.shownText().locale(), event.shownText().title(),
                        event.shownText().button(), event.shownText().legalText()),
                event.overrideReason(), text(event.bulkJobId()), event.previousHash(), event.hash());
    }

    static VerificationJson of(ChainVerification verification) {
        return new VerificationJson("consent_chain_verification", String.valueOf(verification.contactId()),
                verification.intact(), verification.events(), verification.headHash(), verification.problem());
    }

    private static String text(Long value) {
        return value == null ? null : String.valueOf(value);
    }
}
