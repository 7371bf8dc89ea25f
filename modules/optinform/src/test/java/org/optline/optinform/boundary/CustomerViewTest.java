package org.optline.optinform.boundary;

import gg.jte.output.StringOutput;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.optline.contacts.api.ContactRole;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.LineType;
import org.optline.optinform.control.FormContent;
import org.optline.optinform.control.FormDetails;
import org.optline.optinform.control.FormProblem;
import org.optline.optinform.entity.FormState;
import org.optline.subscriptions.api.ConsentType;
import org.optline.subscriptions.api.LocaleCode;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.State;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.Translation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerViewTest {

    private static final LocaleCode EN = new LocaleCode("en");

    private static SubscriptionTypeView type(MessageType messageType) {
        return new SubscriptionTypeView(7, messageType, ConsentType.OPT_IN, State.LIVE, EN,
                List.of(new Translation(EN, "Deals", ""), new Translation(new LocaleCode("fr"), "Promos", "")),
                1, Instant.EPOCH, Instant.EPOCH);
    }

    private static FormDetails form(MessageType messageType, FormContent content, FormState state, String phone) {
        Optional<FormDetails.Submitted> submitted = state == FormState.SUBMITTED
                ? Optional.of(new FormDetails.Submitted(phone, Instant.EPOCH, false)) : Optional.empty();
        return new FormDetails(31, 5, 90L, state, 7, Optional.of(type(messageType)), 3, content, submitted);
    }

    private static ContactView contact(String phone, LineType lineType) {
        return new ContactView(12, ContactRole.LEAD, null, null, phone, lineType, "Ann", null, null, "en", false,
                null, null, null, Instant.EPOCH, Instant.EPOCH, 0);
    }

    private static Document render(CustomerFormModel model) {
        StringOutput output = new StringOutput();
        FormViews.render("optinform/customer.jte", Map.of("form", model)).writeTo(output);
        return Jsoup.parseBodyFragment(output.toString());
    }

    private static Document render(FormDetails form, ContactView contact, Locale locale, String typed, FormProblem problem) {
        return render(FormViews.customer(form, contact, FormTexts.forLocale(locale), () -> "US", typed, problem));
    }

    @Test
    void markupInTitleAndButtonIsText() {
        FormContent content = new FormContent("<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "");

        Document html = render(form(MessageType.SMS, content, FormState.WAITING, null), contact(null, null),
                Locale.ENGLISH, null, null);

        assertThat(html.select("script")).isEmpty();
        assertThat(html.select("img")).isEmpty();
        assertThat(html.selectFirst("h2").text()).isEqualTo("<script>alert(1)</script>");
        assertThat(html.selectFirst("button").text()).isEqualTo("<img src=x onerror=alert(2)>");
    }

    @Test
    void legalTextKeepsOnlyAllowedTags() {
        FormContent content = new FormContent("Deals", "Join", "<b>Rates</b> apply<script>alert(1)</script>");

        Document html = render(form(MessageType.SMS, content, FormState.WAITING, null), contact(null, null),
                Locale.ENGLISH, null, null);

        Element legal = html.selectFirst(".optin-legal");
        assertThat(legal.select("b").text()).isEqualTo("Rates");
        assertThat(html.select("script")).isEmpty();
    }

    @Test
    void smsFormAsksForLabelledPhone() {
        Document html = render(form(MessageType.SMS, new FormContent("Deals", "Join", ""), FormState.WAITING, null),
                contact(null, null), Locale.ENGLISH, null, null);

        Element input = html.selectFirst("input[name=phone]");
        assertThat(input.attr("type")).isEqualTo("tel");
        assertThat(input.attr("autocomplete")).isEqualTo("tel");
        assertThat(html.selectFirst("label[for=" + input.id() + "]").text()).isEqualTo("Mobile phone number");
        assertThat(html.selectFirst("input[name=idempotency_key]").val()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(html.selectFirst("form").attr("hx-post")).isEqualTo("/messenger/apps/optin_form/31/submissions");
    }

    @Test
    void savedNumberIsShownReadOnly() {
        Document html = render(form(MessageType.SMS, new FormContent("Deals", "Join", ""), FormState.WAITING, null),
                contact("+12015550142", LineType.FIXED_LINE_OR_MOBILE), Locale.ENGLISH, null, null);

        assertThat(html.select("input[name=phone]")).isEmpty();
        assertThat(html.selectFirst("output").text()).isEqualTo("+1******0142");
        assertThat(html.text()).doesNotContain("2015550142");
    }

    @Test
    void errorIsAnnouncedAndLinked() {
        Document html = render(form(MessageType.SMS, new FormContent("Deals", "Join", ""), FormState.WAITING, null),
                contact(null, null), Locale.ENGLISH, "12ab", FormProblem.INVALID_PHONE);

        Element input = html.selectFirst("input[name=phone]");
        Element alert = html.selectFirst("[role=alert]");
        assertThat(input.attr("aria-invalid")).isEqualTo("true");
        assertThat(input.val()).isEqualTo("12ab");
        assertThat(input.attr("aria-describedby")).contains(alert.id());
        assertThat(alert.text()).contains("\u201C12ab\u201D is not a valid phone number");
    }

    @Test
    void emailFormHasOnlyButton() {
        Document html = render(form(MessageType.EMAIL, new FormContent("News", "Join", ""), FormState.WAITING, null),
                contact(null, null), Locale.ENGLISH, null, null);

        assertThat(html.select("input[name=phone]")).isEmpty();
        assertThat(html.select("output")).isEmpty();
        assertThat(html.selectFirst("button").text()).isEqualTo("Join");
    }

    @Test
    void confirmationIsTranslated() {
        Document html = render(form(MessageType.SMS, new FormContent("Deals", "Join", ""), FormState.SUBMITTED,
                "+33612345678"), contact("+33612345678", LineType.MOBILE), Locale.FRENCH, null, null);

        assertThat(html.select("form")).isEmpty();
        assertThat(html.selectFirst("[role=status]").text()).isEqualTo("Vous \u00eates abonn\u00e9 \u00e0 Promos au +3******5678.");
        assertThat(html.selectFirst(".optin-form").attr("lang")).isEqualTo("fr");
    }

    @Test
    void pendingOptInAsksForYesInEveryLanguage() {
        FormDetails submitted = new FormDetails(31, 5, 90L, FormState.SUBMITTED, 7, Optional.of(type(MessageType.SMS)), 3,
                new FormContent("Deals", "Join", ""),
                Optional.of(new FormDetails.Submitted("+33612345678", Instant.EPOCH, true)));

        Document english = render(submitted, contact("+33612345678", LineType.MOBILE), Locale.ENGLISH, null, null);

        assertThat(english.select("form")).isEmpty();
        assertThat(english.selectFirst("[role=status]").text()).isEqualTo("Check your phone: reply YES to the text we "
                + "sent to +3******5678 to confirm your subscription to Deals.");
        for (Locale locale : List.of(Locale.FRENCH, Locale.GERMAN, Locale.forLanguageTag("es"))) {
            String status = render(submitted, contact("+33612345678", LineType.MOBILE), locale, null, null)
                    .selectFirst("[role=status]").text();
            assertThat(status).as(locale.toString()).contains("YES", "+3******5678");
        }
    }

    @Test
    void emptyButtonShowsDefaultInCustomerLanguage() {
        FormDetails form = form(MessageType.SMS, new FormContent("Deals", "", ""), FormState.WAITING, null);
        ContactView contact = contact(null, null);

        Document french = render(form, contact, Locale.FRENCH, null, null);
        Document english = render(form, contact, Locale.ENGLISH, null, null);

        assertThat(french.selectFirst("button").text()).isEqualTo("Je m\u2019inscris");
        assertThat(french.selectFirst("input[name=locale]").val()).isEqualTo("fr");
        assertThat(english.selectFirst("button").text()).isEqualTo("Sign Up Now");
    }

    @Test
    void everyLanguageHasEveryText() {
        FormTexts english = FormTexts.forLocale(Locale.ENGLISH);
        for (Locale locale : FormTexts.BUNDLED) {
            FormTexts texts = FormTexts.forLocale(locale);
            assertThat(texts.language()).isEqualTo(locale.getLanguage());
            for (String key : List.of("form.phone.label", "form.phone.help", "form.phone.saved", "form.phone.saved_help",
                    "form.error.missing", "form.error.invalid", "form.error.not_mobile", "form.error.saved",
                    "form.error.unavailable", "form.confirmation", "form.confirmation.phone", "form.confirmation.pending", "form.unavailable")) {
                assertThat(texts.get(key)).as(locale + " " + key).isNotBlank();
                if (!locale.equals(Locale.ENGLISH)) {
                    assertThat(texts.get(key)).as(locale + " " + key + " is translated").isNotEqualTo(english.get(key));
                }
            }
        }
    }

    @Test
    void overlongPhoneMessageNamesLimitInEveryLanguage() {
        for (String language : List.of("en", "fr", "de", "es")) {
            Document page = render(form(MessageType.SMS, new FormContent("Deals", "Join", ""), FormState.WAITING, null),
                    contact(null, null), Locale.of(language), null, FormProblem.PHONE_TOO_LONG);
            String alert = page.selectFirst("[role=alert]").text();

            assertThat(alert).as(language).contains("40").doesNotContain("{");
        }
    }
}
