package org.optline.subscriptions.boundary;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;
import org.optline.subscriptions.api.LocaleCode;
import org.optline.subscriptions.api.Translation;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SubscriptionTypesPageTest {

    private static final LocaleCode EN = new LocaleCode("en");
    private static final LocaleCode FR = new LocaleCode("fr");
    private static final LocaleCode DE = new LocaleCode("de");

    @Test
    void translationsPairsRowsInOrder() {
        List<Translation> texts = SubscriptionTypesPage.translations(
                List.of("en", "fr"), List.of("Deals", "Offres"), List.of("Weekly", ""), List.of());

        assertThat(texts).containsExactly(new Translation(EN, "Deals", "Weekly"), new Translation(FR, "Offres", ""));
    }

    @Test
    void translationsSkipsBlankNewRow() {
        List<Translation> texts = SubscriptionTypesPage.translations(
                List.of("en", " "), List.of("Deals", ""), List.of("", "  "), List.of());

        assertThat(texts).containsExactly(new Translation(EN, "Deals", ""));
    }

    @Test
    void translationsAddsFilledNewRow() {
        List<Translation> texts = SubscriptionTypesPage.translations(
                List.of("en", "DE"), List.of("Deals", " Angebote "), List.of("", ""), List.of());

        assertThat(texts).containsExactly(new Translation(EN, "Deals", ""), new Translation(DE, "Angebote", ""));
    }

    @Test
    void translationsSkipsRowsMarkedForRemoval() {
        List<Translation> texts = SubscriptionTypesPage.translations(
                List.of("en", "fr", "de"), List.of("Deals", "Offres", "Angebote"), List.of("", "", ""), List.of("fr"));

        assertThat(texts).extracting(Translation::locale).containsExactly(EN, DE);
    }

    @Test
    void translationsRejectsRowsOfUnequalLength() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> SubscriptionTypesPage.translations(List.of("en", "fr"), List.of("Deals"), List.of("", ""),
                        List.of()));

        assertThat(e).isNotNull();
        assertThat(e.field()).contains("translations");
        assertThat(e.getMessage()).isEqualTo("The form sent 2 locales, 1 names and 2 descriptions. "
                + "Reload the page and retry.");
    }

    @Test
    void translationsRequiresNameInFilledRow() {
        MissingInputException e = catchThrowableOfType(MissingInputException.class,
                () -> SubscriptionTypesPage.translations(List.of("en", "fr"), List.of("Deals", ""),
                        List.of("", "Chaque lundi"), List.of()));

        assertThat(e).isNotNull();
        assertThat(e.field()).contains("Name (fr)");
        assertThat(e.getMessage()).isEqualTo("Name (fr) is missing. Enter up to 100 characters.");
    }

    @Test
    void translationsRequiresLocaleInFilledRow() {
        MissingInputException e = catchThrowableOfType(MissingInputException.class,
                () -> SubscriptionTypesPage.translations(List.of("en", ""), List.of("Deals", "Offres"),
                        List.of("", ""), List.of()));

        assertThat(e).isNotNull();
        assertThat(e.field()).contains("Language code");
    }

    @Test
    void translationsRejectsUnknownLocale() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> SubscriptionTypesPage.translations(List.of("en", "xx"), List.of("Deals", "Offres"),
                        List.of("", ""), List.of()));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("'xx' is not an ISO 639-1 language code");
    }

    @Test
    void translationsOfEmptyFormIsEmpty() {
        assertThat(SubscriptionTypesPage.translations(List.of(), List.of(), List.of(), List.of())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "3, 3", "' 7 ', 7", "9223372036854775807, 9223372036854775807"})
    void versionParsesNumber(String form, long expected) {
        assertThat(SubscriptionTypesPage.version(form)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void versionIsRequired(String form) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> SubscriptionTypesPage.version(form));

        assertThat(e).isNotNull();
        assertThat(e.field()).contains("version");
        assertThat(e.getMessage()).isEqualTo("The form lacks the version it was based on. Reload the page and retry.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"three", "3.0", "0x3", "99999999999999999999"})
    void versionRejectsNonNumbers(String form) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> SubscriptionTypesPage.version(form));

        assertThat(e).isNotNull();
        assertThat(e.field()).contains("version");
        assertThat(e.getMessage()).isEqualTo("version '" + form + "' is not a number. Reload the page and retry.");
    }
}
