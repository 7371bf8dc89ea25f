package org.optline.subscriptions.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LocaleCodeTest {

    @ParameterizedTest
    @CsvSource({
            "en, en",
            "EN, en",
            "Fr, fr",
            "pt_br, pt-BR",
            "pt-BR, pt-BR",
            "PT-br, pt-BR",
            "en_GB, en-GB",
            "'  de-AT ', de-AT",
    })
    void parseNormalizesSpelling(String raw, String expected) {
        assertThat(LocaleCode.parse("locale", raw).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"e", "eng", "en-", "-US", "en-USA", "en_US_POSIX", "e1", "en US", "en--US", "\u00e9n",
            "zh-Hant", "en-419"})
    void parseRejectsOtherShapes(String raw) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> LocaleCode.parse("translations[0].locale", raw));

        assertThat(e).isNotNull().isNotInstanceOf(MissingInputException.class);
        assertThat(e.field()).contains("translations[0].locale");
        assertThat(e.getMessage()).isEqualTo("translations[0].locale '" + raw.strip() + "' is not a locale. "
                + "Use a two-letter language code such as en, optionally with a region: pt-BR.");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void parseRejectsMissingValue(String raw) {
        MissingInputException e = catchThrowableOfType(MissingInputException.class,
                () -> LocaleCode.parse("locale", raw));

        assertThat(e).isNotNull();
        assertThat(e.field()).contains("locale");
        assertThat(e.getMessage()).startsWith("locale is missing.");
    }

    @Test
    void parseRejectsUnknownLanguage() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> LocaleCode.parse("locale", "xx"));

        assertThat(e).isNotNull();
        assertThat(e.field()).contains("locale");
        assertThat(e.getMessage()).isEqualTo("locale 'xx': 'xx' is not an ISO 639-1 language code. "
                + "Use one such as en, fr or de.");
    }

    @Test
    void parseRejectsUnknownLanguageWithKnownRegion() {
        assertThatThrownBy(() -> LocaleCode.parse("locale", "XX-us"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("locale 'XX-us': 'xx' is not an ISO 639-1 language code. Use one such as en, fr or de.");
    }

    @Test
    void parseRejectsUnknownRegion() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> LocaleCode.parse("locale", "en-xx"));

        assertThat(e).isNotNull();
        assertThat(e.field()).contains("locale");
        assertThat(e.getMessage()).isEqualTo("locale 'en-xx': 'XX' is not an ISO 3166-1 country code. "
                + "Use one such as US, GB or BR.");
    }

    @Test
    void languageDropsRegion() {
        assertThat(LocaleCode.parse("locale", "pt-BR").language()).isEqualTo("pt");
        assertThat(LocaleCode.parse("locale", "fr").language()).isEqualTo("fr");
    }

    @Test
    void displayNameIsEnglish() {
        assertThat(LocaleCode.parse("locale", "pt_BR").displayName()).isEqualTo("Portuguese (Brazil)");
        assertThat(LocaleCode.parse("locale", "de").displayName()).isEqualTo("German");
    }

    @Test
    void parsedCodesEqualByValue() {
        assertThat(LocaleCode.parse("locale", "pt_br")).isEqualTo(new LocaleCode("pt-BR"));
        assertThat(LocaleCode.parse("locale", "pt_br")).hasToString("pt-BR");
    }

    @Test
    void constructorRejectsNull() {
        assertThatThrownBy(() -> new LocaleCode(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
