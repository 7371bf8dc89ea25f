package org.optline.optinform.boundary;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.PhoneNumber;
import org.optline.optinform.control.FormContent;
import org.optline.optinform.control.FormDetails;
import org.optline.optinform.control.FormProblem;
import org.optline.optinform.control.PhoneEntry;
import org.optline.optinform.entity.FormState;
import org.optline.platform.web.LegalText;
import org.optline.platform.web.Templates;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.SubscriptionTypeView;

import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Builds the models of the form's views and renders them with the module's precompiled templates. */
final class FormViews {

    static final TemplateEngine TEMPLATES = Templates.precompiled(FormViews.class,
            "org.optline.optinform.boundary.templates");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private FormViews() {
    }

    static Content render(String template, Map<String, Object> params) {
        return output -> TEMPLATES.render(template, params, output);
    }

    /** Returns a new random idempotency key: 192 bits in URL-safe Base64, 32 characters. */
    static String newIdempotencyKey() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Returns the customer's view of a form: the confirmation once it was submitted, else the form.
     * The confirmation shows only the title and one line, so it skips the legal text, the phone help
     * and a new idempotency key, and never reads the default country.
     *
     * @param contact        the contact the form is shown to, or null in the agent's preview
     * @param defaultCountry returns the region that numbers without a country code are read in; called
     *                       only for a form that waits
     */
    static CustomerFormModel customer(FormDetails form, ContactView contact, FormTexts texts,
                                      Supplier<String> defaultCountry, String typedPhone, FormProblem problem) {
        boolean sms = form.type().map(type -> type.messageType() == MessageType.SMS).orElse(false);
        String typeName = form.type().map(type -> type.translationFor(Locale.forLanguageTag(texts.language())).name())
                .orElse("");
        if (form.state() == FormState.SUBMITTED) {
            return new CustomerFormModel(form.id(), texts.language(), form.content().title(), null, "", null, null,
                    sms, null, null, null, confirmation(form, texts, typeName), null, null, null, null);
        }
        String savedPhone = contact != null && contact.smsCapable() ? contact.maskedPhone() : null;
        String error = problem == null ? null : errorText(texts, problem, typedPhone);
        return new CustomerFormModel(form.id(), texts.language(), form.content().title(),
                form.content().shownButton(texts.get(FormTexts.DEFAULT_BUTTON)),
                LegalText.sanitize(form.content().legalHtml()),
                contact == null ? null : "/messenger/apps/optin_form/" + form.id() + "/submissions",
                newIdempotencyKey(), sms, savedPhone, problem == null ? null : typedPhone, error, null,
                texts.get("form.phone.label"),
                texts.get("form.phone.help", null, null, null, texts.countryName(defaultCountry.get())),
                texts.get("form.phone.saved"), texts.get("form.phone.saved_help"));
    }

    private static String confirmation(FormDetails form, FormTexts texts, String typeName) {
        String phone = form.submission().map(FormDetails.Submitted::phone).orElse(null);
        boolean awaiting = form.submission().map(FormDetails.Submitted::awaitingConfirmation).orElse(false);
        if (awaiting && phone != null) {
            return texts.get("form.confirmation.pending", typeName, PhoneNumber.mask(phone));
        }
        return phone == null ? texts.get("form.confirmation", typeName)
                : texts.get("form.confirmation.phone", typeName, PhoneNumber.mask(phone));
    }

    /** Returns the customer's view of a draft in the composer, as it is shown to a contact without a saved number. */
    static CustomerFormModel preview(SubscriptionTypeView type, FormContent content, FormTexts texts,
                                     Supplier<String> defaultCountry) {
        FormDetails draft = new FormDetails(0, 0, null, FormState.WAITING, type.id(), java.util.Optional.of(type), 0,
                content, java.util.Optional.empty());
        return customer(draft, null, texts, defaultCountry, null, null);
    }

    static AgentFormModel agent(FormDetails form) {
        String typeName = form.type().map(type -> type.defaultTranslation().name())
                .orElse("Subscription type " + form.subscriptionTypeId());
        String phone = form.submission().map(FormDetails.Submitted::phone).orElse(null);
        String at = form.submission().map(submitted -> AT.format(submitted.at())).orElse(null);
        return new AgentFormModel(form.id(), typeName, form.content().title(), form.state() == FormState.SUBMITTED,
                PhoneNumber.mask(phone), at);
    }

    private static String errorText(FormTexts texts, FormProblem problem, String typed) {
        String input = typed == null ? "" : typed.strip();
        return switch (problem) {
            case MISSING_PHONE -> texts.get("form.error.missing");
            case PHONE_TOO_LONG -> texts.get("form.error.too_long", null, null, null, null, PhoneEntry.MAX_TYPED_LENGTH);
            case INVALID_PHONE -> texts.get("form.error.invalid", null, null, input);
            case NOT_MOBILE -> texts.get("form.error.not_mobile", null, null, input);
            case SAVED_NUMBER_READ_ONLY -> texts.get("form.error.saved");
            case NOT_AVAILABLE -> texts.get("form.error.unavailable");
        };
    }
}
