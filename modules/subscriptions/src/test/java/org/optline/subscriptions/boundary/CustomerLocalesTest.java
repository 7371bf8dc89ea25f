package org.optline.subscriptions.boundary;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerLocalesTest {

    @Test
    void languageOverrideWinsOverBrowser() {
        assertThat(CustomerLocales.resolve("de", "fr-FR,fr;q=0.9")).isEqualTo(Locale.GERMAN);
    }

    @Test
    void overrideKeepsItsRegion() {
        assertThat(CustomerLocales.resolve("fr_CA", null).toLanguageTag()).isEqualTo("fr-CA");
    }

    @Test
    void browserLanguageChosenAmongBundled() {
        assertThat(CustomerLocales.resolve(null, "it-IT,it;q=0.9,es;q=0.8,en;q=0.5")).isEqualTo(new Locale("es"));
        assertThat(CustomerLocales.resolve("", "fr-CH")).isEqualTo(Locale.FRENCH);
    }

    @Test
    void unknownOrMalformedFallsBackToEnglish() {
        assertThat(CustomerLocales.resolve(null, "it-IT")).isEqualTo(Locale.ENGLISH);
        assertThat(CustomerLocales.resolve(null, ";;;q=x")).isEqualTo(Locale.ENGLISH);
        assertThat(CustomerLocales.resolve("not a tag!", null)).isEqualTo(Locale.ENGLISH);
        assertThat(CustomerLocales.resolve(null, null)).isEqualTo(Locale.ENGLISH);
    }
}
