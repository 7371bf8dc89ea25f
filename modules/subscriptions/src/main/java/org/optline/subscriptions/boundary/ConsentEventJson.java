package org.optline.subscriptions.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.optline.subscriptions.api.ChainVerification;
import org.optline.subscriptions.api.ConsentEventView;

import java.util.List;
import java.util.Locale;

/** Consent events and chain checks in the API, in the snake_case style of Intercom's objects. */
@Schema(name = "ConsentEvent", description = "One event of a contact's append-only consent record.")
public record ConsentEventJson(
        @Schema(required = true, enumeration = "consent_event") String type,
        @Schema(required = true) String id,
        @JsonbProperty("contact_id") @Schema(required = true) String contactId,
        @Schema(description = "The event's place in the contact's chain, from 1.") int seq,
        @JsonbProperty("subscription_type_id") @Schema(required = true) String subscriptionTypeId,
        @Schema(required = true, enumeration = {"opt_in", "opt_out"}) String action,
        @JsonbProperty("occurred_at") @Schema(description = "Unix seconds.") long occurredAt,
        @Schema(required = true, description = "How the change was made, such as api, admin_toggle, bulk or "
                + "preference_center.") String source,
        @JsonbProperty("actor_kind") @Schema(required = true, description = "Who made the change, such as admin, "
                + "api_token or customer.") String actorKind,
        @JsonbProperty("actor_id") @Schema(required = true) String actorId,
        @Schema(description = "The phone number the consent concerned, in E.164. Absent when the contact had none.")
        String phone,
        @JsonbProperty("ip_address") @Schema(description = "Absent when not known.") String ipAddress,
        @JsonbProperty("user_agent") @Schema(description = "Absent when not known.") String userAgent,
        @JsonbProperty("conversation_id") @Schema(description = "Absent unless the change came from a conversation.")
        String conversationId,
        @JsonbProperty("message_id") @Schema(description = "Absent unless the change came from a message.")
        String messageId,
        @JsonbProperty("shown_text") @Schema(description = "The texts the customer saw. Absent unless the customer "
                + "acted on a form or page.") ShownTextJson shownText,
        @JsonbProperty("override_reason") @Schema(description = "Why an operator opted in a contact who had opted "
                + "out themselves. Absent otherwise.") String overrideReason,
        @JsonbProperty("bulk_job_id") @Schema(description = "Absent unless a bulk consent job made the change.")
        String bulkJobId,
        @Schema(description = "The SMS keyword the customer texted, normalized, such as STOP or YES. Absent unless "
                + "a text made the change.") String keyword,
        @JsonbProperty("inbound_sms_id") @Schema(description = "The inbound text that made the change. Absent "
                + "unless a text made the change.") String inboundSmsId,
        @JsonbProperty("previous_hash") @Schema(required = true, description = "The hash of the contact's "
                + "previous event, which chains the events.") String previousHash,
        @Schema(required = true, description = "SHA-256 of this event, in hex.") String hash) {

    /** The texts the customer saw. */
    @Schema(name = "ShownText")
    public record ShownTextJson(String locale, String title, String button,
                                @JsonbProperty("legal_text") String legalText) {
    }

    /** Intercom's list envelope. */
    @Schema(name = "ConsentEventList")
    @JsonbPropertyOrder({"type", "data"})
    public record ListJson(@Schema(required = true, enumeration = "list") String type,
                           @Schema(required = true) List<ConsentEventJson> data) {
    }

    /** The result of checking a chain. */
    @Schema(name = "ConsentChainVerification")
    public record VerificationJson(@Schema(required = true, enumeration = "consent_chain_verification") String type,
                                   @JsonbProperty("contact_id") @Schema(required = true) String contactId,
                                   @Schema(description = "Whether every hash and link checked out.") boolean intact,
                                   @Schema(description = "How many events the chain has.") int events,
                                   @JsonbProperty("head_hash") @Schema(description = "The hash of the last event. "
                                           + "Absent when the chain is broken.") String headHash,
                                   @Schema(description = "What is wrong, naming the first broken event. Absent when "
                                           + "the chain is intact.") String problem) {
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
                event.overrideReason(), text(event.bulkJobId()), event.keyword(), text(event.inboundSmsId()),
                event.previousHash(), event.hash());
    }

    static VerificationJson of(ChainVerification verification) {
        return new VerificationJson("consent_chain_verification", String.valueOf(verification.contactId()),
                verification.intact(), verification.events(), verification.headHash(), verification.problem());
    }

    private static String text(Long value) {
        return value == null ? null : String.valueOf(value);
    }
}
