package org.optline.access.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EmailAddressesTest {

    @Test
    void normalizeTrimsAndLowercases() {
        assertThat(EmailAddresses.normalize("email", "  Ana.Lopez@Example.COM \t")).isEqualTo("ana.lopez@example.com");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void normalizeRejectsMissingAddress(String raw) {
        MissingInputException error = catchThrowableOfType(MissingInputException.class,
                () -> EmailAddresses.normalize("email", raw));

        assertThat(error).isNotNull();
        assertThat(error.field()).contains("email");
        assertThat(error.getMessage()).contains("ana@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana", "ana@example", "@example.com", "ana@", "ana lopez@example.com",
            "ana@@example.com", "ana@exa@mple.com"})
    void normalizeRejectsMalformedAddress(String raw) {
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class,
                () -> EmailAddresses.normalize("email", raw));

        assertThat(error).isNotNull();
        assertThat(error).isNotInstanceOf(MissingInputException.class);
        assertThat(error.field()).contains("email");
        assertThat(error.getMessage()).contains("'" + raw + "'");
        assertThat(error.getMessage()).contains("name@example.com");
    }

    @Test
    void normalizeAcceptsMaximumLength() {
        String longest = "a".repeat(EmailAddresses.MAX_LENGTH - "@example.com".length()) + "@example.com";

        assertThat(EmailAddresses.normalize("email", longest)).hasSize(EmailAddresses.MAX_LENGTH);
    }

    @Test
    void normalizeRejectsOneCharacterTooMany() {
        String tooLong = "a".repeat(EmailAddresses.MAX_LENGTH + 1 - "@example.com".length()) + "@example.com";

        InvalidInputException error = catchThrowableOfType(InvalidInputException.class,
                () -> EmailAddresses.normalize("email", tooLong));

        assertThat(error).isNotNull();
        assertThat(error.getMessage()).contains("255");
        assertThat(error.getMessage()).contains(String.valueOf(EmailAddresses.MAX_LENGTH));
    }
}
