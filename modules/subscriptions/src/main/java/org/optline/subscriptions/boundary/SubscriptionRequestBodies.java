package org.optline.subscriptions.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The JSON bodies that the subscription type, contact subscription and bulk job endpoints accept, as the
 * OpenAPI document describes them. {@link SubscriptionTypeRequests}, {@link ContactSubscriptionsApi} and
 * {@link BulkJobRequests} read the bodies with JSON-P and never build these records; keep them in step.
 * Unknown fields are ignored, as Intercom's clients add some.
 */
final class SubscriptionRequestBodies {

    private SubscriptionRequestBodies() {
    }

    /** The body of creating a subscription type. */
    @Schema(name = "NewSubscriptionType", description = "A new draft subscription type. content_types (or "
            + "message_type) and consent_type cannot change afterwards.")
    record NewType(
            @JsonbProperty("content_types") @Schema(enumeration = {"sms_message", "email"}, description = "Exactly "
                    + "one entry. Required unless message_type is sent.") List<String> contentTypes,
            @JsonbProperty("message_type") @Schema(enumeration = {"sms", "sms_message", "email"}, description = "Optline's "
                    + "alternative to content_types.") String messageType,
            @JsonbProperty("consent_type") @Schema(required = true, enumeration = {"opt_in", "opt_out"})
            String consentType,
            @JsonbProperty("default_translation") @Schema(required = true, description = "The texts in the default "
                    + "locale; its locale is en when left out.") TranslationText defaultTranslation,
            @Schema(nullable = true, description = "The texts in other locales, each with its locale.")
            List<TranslationText> translations,
            @JsonbProperty("double_opt_in") @Schema(nullable = true, description = "Optline's addition: whether an "
                    + "opt-in by the API or a form waits for the customer's YES by text. Only SMS opt-in types; "
                    + "false when left out.") Boolean doubleOptIn) {
    }

    /** The body of changing a subscription type's texts. */
    @Schema(name = "SubscriptionTypeChange", description = "Fields left out keep their value. content_types, "
            + "message_type, consent_type and state may be sent only with their current value.")
    record TypeChange(
            @JsonbProperty("default_translation") @Schema(nullable = true, description = "Replaces the texts in the "
                    + "default locale, or makes its locale the new default.") TranslationText defaultTranslation,
            @Schema(nullable = true, description = "Replaces the texts in the other locales.")
            List<TranslationText> translations,
            @JsonbProperty("content_types") @Schema(enumeration = {"sms_message", "email"}) List<String> contentTypes,
            @JsonbProperty("message_type") @Schema(enumeration = {"sms", "sms_message", "email"}) String messageType,
            @JsonbProperty("consent_type") @Schema(enumeration = {"opt_in", "opt_out"}) String consentType,
            @Schema(enumeration = {"draft", "live", "archived"}, description = "Change the state with put_live and "
                    + "archive instead.") String state,
            @JsonbProperty("double_opt_in") @Schema(nullable = true, description = "Optline's addition: turns double "
                    + "opt-in on or off. Only SMS opt-in types can have it on.") Boolean doubleOptIn) {
    }

    /** The texts of one locale in a request. */
    @Schema(name = "TranslationText")
    record TranslationText(
            @Schema(required = true, description = "At most 100 characters.") String name,
            @Schema(nullable = true, description = "At most 500 characters; empty when left out.") String description,
            @Schema(description = "A two-letter language code, such as fr. Required in translations.") String locale) {
    }

    /** The body of attaching a subscription type to a contact. */
    @Schema(name = "SubscriptionAttachment")
    record Attachment(
            @Schema(required = true, description = "The subscription type's id, as a string or a whole number.",
                    examples = "7") String id,
            @JsonbProperty("consent_type") @Schema(nullable = true, enumeration = {"opt_in", "opt_out"},
                    description = "When sent, it must be the type's own consent type.") String consentType,
            @JsonbProperty("override_reason") @Schema(nullable = true, description = "Optline's addition: why a "
                    + "contact who opted out themselves is opted in again. It is recorded with the event.")
            String overrideReason) {
    }

    /** The body of starting a bulk consent job. */
    @Schema(name = "NewBulkConsentJob", description = "Send either contact_ids or query.")
    record NewBulkJob(
            @JsonbProperty("subscription_type_id") @Schema(required = true, description = "As a string or a whole "
                    + "number.", examples = "7") String subscriptionTypeId,
            @Schema(required = true, enumeration = {"opt_in", "opt_out"}) String action,
            @JsonbProperty("contact_ids") @Schema(description = "The contacts, by id; strings or whole numbers.")
            List<String> contactIds,
            @Schema(ref = "SearchQuery", description = "A contact search as in POST /api/contacts/search, "
                    + "resolved once when the job starts.") Object query,
            @JsonbProperty("override_reason") @Schema(nullable = true, description = "At least 10 characters: why "
                    + "contacts who opted out themselves may be opted in again. It is recorded with each event.")
            String overrideReason,
            @JsonbProperty("expected_count") @Schema(nullable = true, description = "When sent, the job starts only "
                    + "if the selection still has this many contacts.") Integer expectedCount) {
    }

    /** Lists the request bodies, for {@link SubscriptionApiSchemas}. */
    static List<Class<? extends Record>> records() {
        return List.of(NewType.class, TypeChange.class, Attachment.class, NewBulkJob.class);
    }
}
