package org.optline.access.boundary;

import org.junit.jupiter.api.Test;
import org.optline.platform.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AccountPageTest {

    @Test
    void repeatedPasswordThatMatchesPasses() {
        assertThatNoException().isThrownBy(
                () -> AccountPage.requireRepeated("correct horse battery", "correct horse battery"));
    }

    @Test
    void repeatedPasswordThatDiffersIsRejected() {
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class,
                () -> AccountPage.requireRepeated("correct horse battery", "correct horse batery"));

        assertThat(error).isNotNull();
        assertThat(error.field()).contains("repeat_password");
        assertThat(error.getMessage()).contains("repeat_password");
        assertThat(error.getMessage()).contains("Type the same new password in both fields");
    }

    @Test
    void missingRepeatIsRejected() {
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class,
                () -> AccountPage.requireRepeated("correct horse battery", null));

        assertThat(error).isNotNull();
        assertThat(error.field()).contains("repeat_password");
    }

    @Test
    void repeatDiffersOnlyInSpacesIsRejected() {
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class,
                () -> AccountPage.requireRepeated("correct horse battery", "correct horse battery "));

        assertThat(error).isNotNull();
    }

    @Test
    void missingNewPasswordIsLeftToThePolicy() {
        assertThatNoException().isThrownBy(() -> AccountPage.requireRepeated("", "something"));
        assertThatNoException().isThrownBy(() -> AccountPage.requireRepeated(null, null));
    }

    @Test
    void rejectionNeverContainsEitherPassword() {
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class,
                () -> AccountPage.requireRepeated("first-secret-value", "second-secret-value"));

        assertThat(error.getMessage()).doesNotContain("first-secret-value");
        assertThat(error.getMessage()).doesNotContain("second-secret-value");
    }
}
