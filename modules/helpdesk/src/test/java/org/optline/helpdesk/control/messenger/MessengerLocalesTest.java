package org.optline.helpdesk.control.messenger;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class MessengerLocalesTest {

    @Test
    void firstBundledLanguageWins() {
        assertThat(MessengerLocales.choose(null, "pt-BR", "fr-CA", "de")).isEqualTo(Locale.FRENCH);
        assertThat(MessengerLocales.choose("es_MX")).isEqualTo(Locale.of("es"));
    }

    @Test
    void englishWithoutBundledLanguage() {
        assertThat(MessengerLocales.choose("ja", "", null)).isEqualTo(Locale.ENGLISH);
    }
}
