package org.optline.subscriptions.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.Translation;

import java.util.List;

/** Intercom's subscription type object, as {@code GET /subscription_types} returns it in API 2.14. */
@Schema(name = "SubscriptionType", description = "A subscription type in Intercom's shape.")
@JsonbPropertyOrder({"type", "id", "state", "consentType", "defaultTranslation", "translations", "contentTypes"})
public record SubscriptionTypeJson(
        @Schema(description = "Always 'subscription'.", examples = "subscription") String type,
        @Schema(description = "The id, a number as a string.", examples = "7") String id,
        @Schema(enumeration = {"draft", "live", "archived"}) String state,
        @JsonbProperty("consent_type") @Schema(enumeration = {"opt_in", "opt_out"}) String consentType,
        @JsonbProperty("default_translation") TranslationJson defaultTranslation,
        @Schema(description = "The texts in every locale, the default first.") List<TranslationJson> translations,
        @JsonbProperty("content_types") @Schema(description = "One of sms_message or email.") List<String> contentTypes) {

    /** The name and description customers read in one locale. */
    @Schema(name = "Translation")
    @JsonbPropertyOrder({"name", "description", "locale"})
    public record TranslationJson(String name, String description, String locale) {

        static TranslationJson of(Translation translation) {
            return new TranslationJson(translation.name(), translation.description(), translation.locale().value());
        }
    }

    /** The list envelope of Intercom's list endpoints, without paging. */
    @Schema(name = "SubscriptionTypeList")
    @JsonbPropertyOrder({"type", "data"})
    public record ListJson(@Schema(examples = "list") String type, List<SubscriptionTypeJson> data) {
    }

    static SubscriptionTypeJson of(SubscriptionTypeView view) {
        return new SubscriptionTypeJson("subscription", String.valueOf(view.id()), view.state().apiName(),
                view.consentType().apiName(), TranslationJson.of(view.defaultTranslation()),
                view.translations().stream().map(TranslationJson::of).toList(),
                List.of(view.messageType().apiName()));
    }

    static ListJson list(List<SubscriptionTypeView> views) {
        return new ListJson("list", views.stream().map(SubscriptionTypeJson::of).toList());
    }
}
