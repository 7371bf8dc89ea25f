package org.optline.optinform.control;

import org.junit.jupiter.api.Test;
import org.optline.contacts.api.LineType;
import org.optline.contacts.api.PhoneNumber;
import org.optline.platform.InvalidInputException;

import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneEntryTest {

    /** Reads the few spellings these tests type, as the contacts module would in the US. */
    private static final Function<String, PhoneNumber> PARSER = typed -> {
        Map<String, PhoneNumber> known = Map.of(
                "(201) 555-0142", new PhoneNumber("+12015550142", LineType.FIXED_LINE_OR_MOBILE, "US"),
                "+33 6 12 34 56 78", new PhoneNumber("+33612345678", LineType.MOBILE, "FR"),
                "+33 1 42 68 53 00", new PhoneNumber("+33142685300", LineType.FIXED_LINE, "FR"));
        PhoneNumber number = known.get(typed.strip());
        if (number == null) {
            throw new InvalidInputException("phone", "'" + typed + "' is not a valid phone number.");
        }
        return number;
    };

    @Test
    void savedMobileNumberIsUsed() {
        PhoneEntry entry = PhoneEntry.decide("+12015550142", true, null, PARSER);

        assertThat(entry.e164()).isEqualTo("+12015550142");
        assertThat(entry.newPhone()).isFalse();
    }

    @Test
    void numberTypedForSavedOneIsRejected() {
        assertThatThrownBy(() -> PhoneEntry.decide("+12015550142", true, "+33 6 12 34 56 78", PARSER))
                .isInstanceOfSatisfying(FormInputException.class,
                        e -> assertThat(e.problem()).isEqualTo(FormProblem.SAVED_NUMBER_READ_ONLY));
    }

    @Test
    void overlongInputRejectedBeforeParsing() {
        String typed = "+1 201 555 0142 " + "9".repeat(PhoneEntry.MAX_TYPED_LENGTH);
        Function<String, PhoneNumber> failingParser = text -> {
            throw new AssertionError("the parser was called with " + text.length() + " characters");
        };

        assertThatThrownBy(() -> PhoneEntry.decide(null, false, typed, failingParser))
                .isInstanceOfSatisfying(FormInputException.class, e -> {
                    assertThat(e.problem()).isEqualTo(FormProblem.PHONE_TOO_LONG);
                    assertThat(e.typed()).isNull();
                    assertThat(e.getMessage()).doesNotContain(typed);
                });
        assertThatThrownBy(() -> PhoneEntry.decide("+12015550142", true, typed, failingParser))
                .isInstanceOfSatisfying(FormInputException.class,
                        e -> assertThat(e.problem()).isEqualTo(FormProblem.PHONE_TOO_LONG));
    }

    @Test
    void fortyCharactersStillParsed() {
        String typed = "(201) 555-0142" + " ".repeat(PhoneEntry.MAX_TYPED_LENGTH - 14);

        assertThat(PhoneEntry.decide(null, false, typed, PARSER).e164()).isEqualTo("+12015550142");
    }

    @Test
    void nationalFormatIsStoredAsNewNumber() {
        PhoneEntry entry = PhoneEntry.decide(null, false, " (201) 555-0142 ", PARSER);

        assertThat(entry.e164()).isEqualTo("+12015550142");
        assertThat(entry.newPhone()).isTrue();
    }

    @Test
    void mobileReplacesSavedLandline() {
        PhoneEntry entry = PhoneEntry.decide("+33142685300", false, "+33 6 12 34 56 78", PARSER);

        assertThat(entry.e164()).isEqualTo("+33612345678");
        assertThat(entry.newPhone()).isTrue();
    }

    @Test
    void landlineIsRejected() {
        assertThatThrownBy(() -> PhoneEntry.decide(null, false, "+33 1 42 68 53 00", PARSER))
                .isInstanceOfSatisfying(FormInputException.class, e -> {
                    assertThat(e.problem()).isEqualTo(FormProblem.NOT_MOBILE);
                    assertThat(e.typed()).isEqualTo("+33 1 42 68 53 00");
                });
    }

    @Test
    void invalidNumberIsRejected() {
        assertThatThrownBy(() -> PhoneEntry.decide(null, false, "12", PARSER))
                .isInstanceOfSatisfying(FormInputException.class,
                        e -> assertThat(e.problem()).isEqualTo(FormProblem.INVALID_PHONE));
    }

    @Test
    void missingNumberIsRejected() {
        assertThatThrownBy(() -> PhoneEntry.decide(null, false, "  ", PARSER))
                .isInstanceOfSatisfying(FormInputException.class,
                        e -> assertThat(e.problem()).isEqualTo(FormProblem.MISSING_PHONE));
    }
}
