package org.optline.access.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PasswordPolicyTest {

    private static final String EMAIL = "ana.lopez@example.com";

    @Test
    void acceptsMinimumLength() {
        assertThatNoException().isThrownBy(() -> PasswordPolicy.check("password", "a".repeat(12), EMAIL));
    }

    @Test
    void acceptsMaximumLength() {
        assertThatNoException().isThrownBy(() -> PasswordPolicy.check("password", "a".repeat(128), EMAIL));
    }

    @Test
    void rejectsElevenCharacters() {
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class,
                () -> PasswordPolicy.check("new_password", "a".repeat(11), EMAIL));

        assertThat(error).isNotNull();
        assertThat(error.field()).contains("new_password");
        assertThat(error.getMessage()).contains("11 characters");
        assertThat(error.getMessage()).contains("at least 12");
    }

    @Test
    void rejectsMoreThanMaximumLength() {
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class,
                () -> PasswordPolicy.check("password", "a".repeat(129), EMAIL));

        assertThat(error).isNotNull();
        assertThat(error.getMessage()).contains("at most 128");
    }

    @Test
    void countsCodePointsNotChars() {
        String elevenEmoji = "\uD83D\uDD12".repeat(11);
        String twelveEmoji = "\uD83D\uDD12".repeat(12);

        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> PasswordPolicy.check("password", elevenEmoji, EMAIL))).isNotNull();
        assertThatNoException().isThrownBy(() -> PasswordPolicy.check("password", twelveEmoji, EMAIL));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsMissingPassword(String password) {
        MissingInputException error = catchThrowableOfType(MissingInputException.class,
                () -> PasswordPolicy.check("password", password, EMAIL));

        assertThat(error).isNotNull();
        assertThat(error.field()).contains("password");
    }

    @ParameterizedTest
    @ValueSource(strings = {EMAIL, "Ana.Lopez@Example.com", "  ana.lopez@example.com  "})
    void rejectsTheEmailAddress(String password) {
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class,
                () -> PasswordPolicy.check("password", password, EMAIL));

        assertThat(error).isNotNull();
        assertThat(error.getMessage()).contains("email address");
    }

    @Test
    void messagesNeverContainThePassword() {
        String secret = "hunter2-xyz";

        InvalidInputException error = catchThrowableOfType(InvalidInputException.class,
                () -> PasswordPolicy.check("password", secret, EMAIL));

        assertThat(error).isNotNull();
        assertThat(error.getMessage()).doesNotContain(secret);
    }
}
