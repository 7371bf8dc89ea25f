package org.optline.contacts.boundary;

import org.junit.jupiter.api.Test;
import org.optline.contacts.api.ContactChanges;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ContactFormTest {

    @Test
    void changesSetEveryField() {
        ContactChanges changes = new ContactForm("lead", "Ana", "ana@example.com", "201 555 0142", "A1").changes();

        assertThat(changes.asMap()).containsEntry("role", "lead")
                .containsEntry("name", "Ana")
                .containsEntry("email", "ana@example.com")
                .containsEntry("phone", "201 555 0142")
                .containsEntry("external_id", "A1");
    }

    @Test
    void blankRoleMeansUser() {
        assertThat(new ContactForm(" ", null, null, null, null).changes().get("role")).isEqualTo("user");
    }

    @Test
    void versionIsRead() {
        assertThat(ContactForm.version(" 7 ")).isEqualTo(7);
    }

    @Test
    void missingVersionIsRejected() {
        MissingInputException e = catchThrowableOfType(MissingInputException.class, () -> ContactForm.version(""));

        assertThat(e.field()).hasValue("version");
    }

    @Test
    void nonNumericVersionIsRejected() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ContactForm.version("seven"));

        assertThat(e.getMessage()).contains("'seven'");
    }
}
