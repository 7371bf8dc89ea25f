package org.optline.helpdesk.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartInputsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t "})
    void blankBodyIsMissing(String body) {
        assertThatThrownBy(() -> PartInputs.body(body))
                .isInstanceOf(MissingInputException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void nullBodyIsMissing() {
        assertThatThrownBy(() -> PartInputs.body(null)).isInstanceOf(MissingInputException.class);
    }

    @Test
    void bodyAtLimitIsKeptAsWritten() {
        String body = "  " + "a".repeat(PartInputs.MAX_BODY_LENGTH - 2);
        assertThat(PartInputs.body(body)).isSameAs(body);
    }

    @Test
    void bodyOverLimitNamesLength() {
        String body = "a".repeat(PartInputs.MAX_BODY_LENGTH + 1);
        assertThatThrownBy(() -> PartInputs.body(body))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("10001 characters")
                .hasMessageContaining("10000 allowed");
    }

    @Test
    void bodyLengthCountsCodePoints() {
        String emoji = "\uD83D\uDE00";
        String body = emoji.repeat(PartInputs.MAX_BODY_LENGTH);
        assertThat(PartInputs.body(body)).isSameAs(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"optin_form", "survey", "a1"})
    void validAppTypesPass(String type) {
        assertThat(PartInputs.appType(type)).isEqualTo(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Optin", "1form", "opt-in", "a b", "<script>"})
    void invalidAppTypesAreRejected(String type) {
        assertThatThrownBy(() -> PartInputs.appType(type))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'" + type + "'");
    }

    @Test
    void appTypeOverColumnWidthIsRejected() {
        assertThatThrownBy(() -> PartInputs.appType("a".repeat(41))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void nonPositiveAppRefIsRejected() {
        assertThatThrownBy(() -> PartInputs.appRef(0)).isInstanceOf(InvalidInputException.class);
        assertThat(PartInputs.appRef(7)).isEqualTo(7);
    }

    @Test
    void blankAgentIsMissing() {
        assertThatThrownBy(() -> PartInputs.agent(" ")).isInstanceOf(MissingInputException.class);
    }
}
