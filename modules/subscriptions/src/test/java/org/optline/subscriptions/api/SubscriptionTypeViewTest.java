package org.optline.subscriptions.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionTypeViewTest {

    private static final Instant CREATED = Instant.parse("2026-03-02T09:00:00Z");

    private static Translation text(String locale, String name) {
        return new Translation(new LocaleCode(locale), name, "");
    }

    /** A view whose translations are in the order {@code SubscriptionTypes} builds: default first. */
    private static SubscriptionTypeView view(Translation... translations) {
        return new SubscriptionTypeView(7, MessageType.SMS, ConsentType.OPT_IN, State.LIVE,
                translations[0].locale(), List.of(translations), 1, CREATED, CREATED);
    }

    @ParameterizedTest
    @CsvSource({
            // wanted, expected name
            "en, Deals",
            "fr, Offres",
            "fr-CA, Offres Canada",
            "pt-BR, Ofertas Brasil",
            "pt-PT, Ofertas",
            "de-AT, Angebote",
            "fr-BE, Offres",
            "ja, Deals",
            "es-MX, Deals",
    })
    void translationForFallsBack(String wanted, String expected) {
        SubscriptionTypeView view = view(text("en", "Deals"), text("de", "Angebote"), text("fr", "Offres"),
                text("fr-CA", "Offres Canada"), text("pt", "Ofertas"), text("pt-BR", "Ofertas Brasil"));

        assertThat(view.translationFor(Locale.forLanguageTag(wanted)).name()).isEqualTo(expected);
    }

    @Test
    void translationForPrefersExactRegion() {
        SubscriptionTypeView view = view(text("en", "Deals"), text("en-GB", "Offers"));

        assertThat(view.translationFor(Locale.UK).name()).isEqualTo("Offers");
        assertThat(view.translationFor(Locale.US).name()).isEqualTo("Deals");
    }

    @Test
    void bareLanguageGetsRegionalText() {
        SubscriptionTypeView view = view(text("en", "Deals"), text("pt-BR", "Ofertas Brasil"));

        assertThat(view.translationFor(Locale.forLanguageTag("pt")).name()).isEqualTo("Ofertas Brasil");
    }

    @Test
    void translationForRootLocaleGivesDefault() {
        SubscriptionTypeView view = view(text("fr", "Offres"), text("en", "Deals"));

        assertThat(view.translationFor(Locale.ROOT).name()).isEqualTo("Offres");
    }

    @Test
    void defaultTranslationIsFirst() {
        SubscriptionTypeView view = view(text("fr", "Offres"), text("de", "Angebote"));

        assertThat(view.defaultTranslation().name()).isEqualTo("Offres");
    }

    @Test
    void translationsAreCopied() {
        List<Translation> texts = new ArrayList<>(List.of(text("en", "Deals")));
        SubscriptionTypeView view = new SubscriptionTypeView(7, MessageType.SMS, ConsentType.OPT_IN, State.DRAFT,
                new LocaleCode("en"), texts, 0, CREATED, CREATED);

        texts.add(text("fr", "Offres"));

        assertThat(view.translations()).hasSize(1);
        assertThat(view.translations()).isUnmodifiable();
    }

    @Test
    void translationForPrefersBareLanguageOverOtherRegion() {
        SubscriptionTypeView view = view(text("pt-BR", "Ofertas Brasil"), text("pt", "Ofertas"));

        Translation chosen = view.translationFor(Locale.forLanguageTag("pt-PT"));

        assertThat(chosen.name()).isEqualTo("Ofertas");
    }
}
