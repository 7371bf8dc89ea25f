package org.optline.access.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RoleTest {

    @ParameterizedTest
    @ValueSource(strings = {"ADMIN", "admin", " Admin "})
    void parseIgnoresCaseAndSpaces(String value) {
        assertThat(Role.parse("role", value)).isEqualTo(Role.ADMIN);
    }

    @Test
    void parseReadsAgent() {
        assertThat(Role.parse("role", "agent")).isEqualTo(Role.AGENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"owner", "ADMINS", "API"})
    void parseRejectsUnknownRole(String value) {
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class, () -> Role.parse("role", value));

        assertThat(error).isNotNull();
        assertThat(error.field()).contains("role");
        assertThat(error.getMessage()).contains("'" + value + "'");
        assertThat(error.getMessage()).contains("ADMIN or AGENT");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void parseRejectsMissingRole(String value) {
        MissingInputException error = catchThrowableOfType(MissingInputException.class, () -> Role.parse("role", value));

        assertThat(error).isNotNull();
        assertThat(error.field()).contains("role");
    }
}
