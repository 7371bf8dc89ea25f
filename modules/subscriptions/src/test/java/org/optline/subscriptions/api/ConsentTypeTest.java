package org.optline.subscriptions.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConsentTypeTest {

    @ParameterizedTest
    @CsvSource({
            "opt_in, OPT_IN",
            "OPT_IN, OPT_IN",
            "opt-in, OPT_IN",
            "' Opt-In ', OPT_IN",
            "opt_out, OPT_OUT",
            "OPT-OUT, OPT_OUT",
    })
    void parseAcceptsUnderscoreOrHyphenInAnyCase(String value, ConsentType expected) {
        assertThat(ConsentType.parse("consent_type", value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"optin", "opt in", "in", "double_opt_in", "yes"})
    void parseRejectsUnknownValue(String value) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ConsentType.parse("consent_type", value));

        assertThat(e).isNotNull().isNotInstanceOf(MissingInputException.class);
        assertThat(e.field()).contains("consent_type");
        assertThat(e.getMessage()).isEqualTo("consent_type '" + value + "' is unknown. Use opt_in or opt_out.");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void parseRejectsBlank(String value) {
        MissingInputException e = catchThrowableOfType(MissingInputException.class,
                () -> ConsentType.parse("consent_type", value));

        assertThat(e).isNotNull();
        assertThat(e.field()).contains("consent_type");
        assertThat(e.getMessage()).isEqualTo("consent_type is missing. Use opt_in or opt_out.");
    }

    @ParameterizedTest
    @CsvSource({"OPT_IN, opt_in", "OPT_OUT, opt_out"})
    void apiNameParsesBack(ConsentType type, String apiName) {
        assertThat(type.apiName()).isEqualTo(apiName);
        assertThat(ConsentType.parse("consent_type", type.apiName())).isEqualTo(type);
    }
}
