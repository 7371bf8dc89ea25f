package org.optline.subscriptions.boundary;

import gg.jte.output.StringOutput;
import org.junit.jupiter.api.Test;
import org.optline.subscriptions.api.ConsentSource;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PreferenceCenterTemplateTest {

    private static final List<PreferenceCenterModel.Item> ITEMS = List.of(
            new PreferenceCenterModel.Item(1, "Deals <b>", "Weekly offers", true),
            new PreferenceCenterModel.Item(2, "News", "", false));

    private static String render(String template, Map<String, Object> parameters) {
        StringOutput output = new StringOutput();
        SubscriptionTypesPage.TEMPLATES.render(template, parameters, output);
        return output.toString();
    }

    private static PreferenceCenterModel customerPage(Locale locale, PreferenceCenterModel.Status status,
                                                      ConsentSource startNeeded) {
        return new PreferenceCenterModel(CustomerTexts.forLocale(locale), "Acme & Co", ITEMS, "/p/abc", "post",
                "form-token-1", status, startNeeded);
    }

    @Test
    void customerFormCarriesTokenAndShownTypes() {
        String html = render("preferences/center.jte", Map.of("center", customerPage(Locale.ENGLISH, null, null)));

        assertThat(html).contains("<form method=\"post\" action=\"/p/abc\"");
        assertThat(html).contains("name=\"form_token\" value=\"form-token-1\"");
        assertThat(html).contains("name=\"shown\" value=\"1\"").contains("name=\"shown\" value=\"2\"");
        assertThat(html).contains("Deals &lt;b&gt;").doesNotContain("Deals <b>");
        assertThat(html).contains("Acme &amp; Co");
        assertThat(html).doesNotContain("start-notice");
        assertThat(html).doesNotContain("Preview of the SMS preference center");
    }

    @Test
    void switchesAreLabelledAndReflectState() {
        String html = render("preferences/center.jte", Map.of("center", customerPage(Locale.ENGLISH, null, null)));

        assertThat(html).containsPattern("id=\"subscription-1\"\\s+checked");
        assertThat(html).doesNotContainPattern("id=\"subscription-2\"\\s+checked");
        assertThat(html).contains("<label class=\"form-check-label fw-semibold\" for=\"subscription-1\">");
    }

    @Test
    void pageTranslatedForEachBundledLanguage() {
        Map<Locale, String> titles = Map.of(Locale.ENGLISH, "Your text message preferences",
                Locale.FRENCH, "Vos préférences de SMS",
                Locale.GERMAN, "Ihre SMS-Einstellungen",
                new Locale("es"), "Tus preferencias de SMS");

        titles.forEach((locale, title) -> {
            String html = render("preferences/center.jte", Map.of("center", customerPage(locale, null, ConsentSource.CARRIER)));
            assertThat(html).contains("<html lang=\"" + locale.getLanguage() + "\">");
            assertThat(html).contains("<title>" + title + "</title>");
            assertThat(html).contains("START");
        });
    }

    @Test
    void carrierOptOutTellsToTextStart() {
        String html = render("preferences/center.jte", Map.of("center", customerPage(Locale.FRENCH, null, ConsentSource.CARRIER)));

        assertThat(html).contains("id=\"start-notice\"");
        assertThat(html).contains("Votre opérateur mobile").contains("envoyez START au numéro");
    }

    @Test
    void keywordOptOutTellsToTextStart() {
        String html = render("preferences/center.jte", Map.of("center",
                customerPage(Locale.GERMAN, null, ConsentSource.SMS_KEYWORD)));

        assertThat(html).contains("id=\"start-notice\"");
        assertThat(html).contains("mit STOP geantwortet").contains("senden Sie START");
    }

    @Test
    void statusShownAsAlertWhenProblem() {
        PreferenceCenterModel.Status problem = new PreferenceCenterModel.Status("Not saved", true);
        PreferenceCenterModel.Status saved = new PreferenceCenterModel.Status("Saved", false);

        assertThat(render("preferences/center.jte", Map.of("center", customerPage(Locale.ENGLISH, problem, null))))
                .contains("role=\"alert\">Not saved</div>");
        assertThat(render("preferences/center.jte", Map.of("center", customerPage(Locale.ENGLISH, saved, null))))
                .contains("role=\"status\">Saved</div>");
    }

    @Test
    void invalidLinkPageTranslated() {
        String german = notice(Locale.GERMAN, "link.invalid.title", "link.invalid.body");
        String english = notice(Locale.ENGLISH, "link.invalid.title", "link.invalid.body");

        assertThat(german).contains("Dieser Link funktioniert nicht").contains("SMS von Acme");
        assertThat(english).contains("This link does not work").contains("text message from Acme");
    }

    @Test
    void limitedPageTranslatedAndEscaped() {
        String french = notice(Locale.FRENCH, "link.limited.title", "link.limited.body");
        String escaped = render("preferences/notice.jte", Map.of("texts", CustomerTexts.forLocale(Locale.ENGLISH),
                "title", "<b>Title</b>", "body", "A & B"));

        assertThat(french).contains("<html lang=\"fr\">").contains("<title>Trop de demandes</title>");
        assertThat(escaped).contains("&lt;b&gt;Title&lt;/b&gt;").contains("A &amp; B").doesNotContain("<b>Title");
    }

    private static String notice(Locale locale, String titleKey, String bodyKey) {
        CustomerTexts texts = CustomerTexts.forLocale(locale);
        return render("preferences/notice.jte", Map.of("texts", texts, "title", texts.get(titleKey),
                "body", texts.get(bodyKey, "Acme")));
    }

    @Test
    void everyBundleHasEveryKey() {
        List<String> keys = List.of("preferences.title", "preferences.intro", "preferences.empty",
                "preferences.save", "preferences.unsubscribe_all", "preferences.unsubscribe_all_hint",
                "preferences.saved", "preferences.refused", "preferences.form_expired", "preferences.carrier_start", "preferences.keyword_start",
                "link.invalid.title", "link.invalid.body", "link.limited.title", "link.limited.body");
        for (Locale locale : CustomerTexts.BUNDLED) {
            CustomerTexts texts = CustomerTexts.forLocale(locale);
            assertThat(texts.language()).isEqualTo(locale.getLanguage());
            for (String key : keys) {
                assertThat(texts.get(key, "Acme")).as(key + " in " + locale).isNotBlank();
            }
        }
    }

    @Test
    void legalTextEscaped() {
        assertThat(PreferenceCenterPage.escape("Acme & <Co> \"it's\"")).isEqualTo("Acme &amp; &lt;Co&gt; &quot;it&#39;s&quot;");
    }
}
