package org.optline.subscriptions.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TranslationTest {

    private static final LocaleCode FR = new LocaleCode("fr");

    @Test
    void ofTrimsNameAndDescription() {
        Translation text = Translation.of("default_translation", FR, "  Offres \n", "\tChaque lundi  ");

        assertThat(text).isEqualTo(new Translation(FR, "Offres", "Chaque lundi"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void nameIsRequired(String name) {
        MissingInputException e = catchThrowableOfType(MissingInputException.class,
                () -> Translation.of("default_translation", FR, name, "Chaque lundi"));

        assertThat(e).isNotNull();
        assertThat(e.field()).contains("default_translation.name");
        assertThat(e.getMessage()).isEqualTo("default_translation.name is missing. Enter up to 100 characters.");
    }

    @Test
    void nameOfMaxLengthAccepted() {
        String name = "n".repeat(Translation.MAX_NAME);

        assertThat(Translation.of("default_translation", FR, name, "").name()).isEqualTo(name);
    }

    @Test
    void nameOverMaxLengthRejected() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> Translation.of("translations[2]", FR, "n".repeat(101), ""));

        assertThat(e).isNotNull();
        assertThat(e.field()).contains("translations[2].name");
        assertThat(e.getMessage()).isEqualTo("translations[2].name is 101 characters long; the maximum is 100. Shorten it.");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void descriptionMayBeEmpty(String description) {
        assertThat(Translation.of("default_translation", FR, "Offres", description).description()).isEmpty();
    }

    @Test
    void descriptionOfMaxLengthAccepted() {
        String description = "d".repeat(Translation.MAX_DESCRIPTION);

        assertThat(Translation.of("default_translation", FR, "Offres", description).description())
                .isEqualTo(description);
    }

    @Test
    void descriptionOverMaxLengthRejected() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> Translation.of("default_translation", FR, "Offres", "d".repeat(501)));

        assertThat(e).isNotNull();
        assertThat(e.field()).contains("default_translation.description");
        assertThat(e.getMessage()).contains("is 501 characters long; the maximum is 500");
    }

    @Test
    void controlCharacterInNameRejected() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> Translation.of("default_translation", FR, "Off\u0000res", ""));

        assertThat(e).isNotNull();
        assertThat(e.field()).contains("default_translation.name");
        assertThat(e.getMessage()).contains("contains control characters");
    }

    @Test
    void controlCharacterInDescriptionRejected() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> Translation.of("default_translation", FR, "Offres", "Chaque\u001B lundi"));

        assertThat(e).isNotNull();
        assertThat(e.field()).contains("default_translation.description");
    }

    @Test
    void lineBreaksInDescriptionKept() {
        Translation text = Translation.of("default_translation", FR, "Offres", "Ligne un\r\nLigne deux");

        assertThat(text.description()).isEqualTo("Ligne un\r\nLigne deux");
    }
}
