package org.optline.subscriptions.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.Translation;

import java.util.List;

/** Intercom's subscription type object, as {@code GET /subscription_types} returns it in API 2.14. */
@Schema(name = "SubscriptionType", description = "A subscription type in Intercom's shape.")
@JsonbPropertyOrder({"type", "id", "state", "consentType", "defaultTranslation", "translations", "contentTypes", "doubleOptIn"})
public record SubscriptionTypeJson(
        @Schema(required = true, enumeration = "subscription") String type,
        @Schema(required = true, description = "The id, a number as a string.", examples = "7") String id,
        @Schema(required = true, enumeration = {"draft", "live", "archived"}) String state,
        @JsonbProperty("consent_type") @Schema(required = true, enumeration = {"opt_in", "opt_out"}) String consentType,
        @JsonbProperty("default_translation") @Schema(required = true) TranslationJson defaultTranslation,
        @Schema(required = true, description = "The texts in every locale, the default first.")
        List<TranslationJson> translations,
        @JsonbProperty("content_types") @Schema(required = true, description = "One entry: sms_message or email.",
                enumeration = {"sms_message", "email"}) List<String> contentTypes,
        @JsonbProperty("double_opt_in") @Schema(required = true, description = "Optline's addition: whether an opt-in "
                + "by the API or a form waits for the customer's YES by text. Until the YES, the contact is not "
                + "subscribed. Set it in the create or update body, or on the subscriptions page.") boolean doubleOptIn) {

    /** The name and description customers read in one locale. */
    @Schema(name = "Translation")
    @JsonbPropertyOrder({"name", "description", "locale"})
    public record TranslationJson(@Schema(required = true) String name,
                                  @Schema(required = true, description = "Empty when there is none.") String description,
                                  @Schema(required = true, description = "A two-letter language code.", examples = "en")
                                  String locale) {

        static TranslationJson of(Translation translation) {
            return new TranslationJson(translation.name(), translation.description(), translation.locale().value());
        }
    }

    /** The list envelope of Intercom's list endpoints, without paging. */
    @Schema(name = "SubscriptionTypeList")
    @JsonbPropertyOrder({"type", "data"})
    public record ListJson(@Schema(required = true, enumeration = "list") String type,
                           @Schema(required = true) List<SubscriptionTypeJson> data) {
    }

    static SubscriptionTypeJson of(SubscriptionTypeView view) {
        return new SubscriptionTypeJson("subscription", String.valueOf(view.id()), view.state().apiName(),
                view.consentType().apiName(), TranslationJson.of(view.defaultTranslation()),
                view.translations().stream().map(TranslationJson::of).toList(),
                List.of(view.messageType().apiName()), view.doubleOptIn());
    }

    static ListJson list(List<SubscriptionTypeView> views) {
        return new ListJson("list", views.stream().map(SubscriptionTypeJson::of).toList());
    }
}
