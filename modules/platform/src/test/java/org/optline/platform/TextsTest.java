package org.optline.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TextsTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n "})
    void requiredRejectsNullAndBlank(String value) {
        MissingInputException e = catchThrowableOfType(MissingInputException.class,
                () -> Texts.required("name", value, 100));

        assertThat(e).isNotNull();
        assertThat(e.field()).contains("name");
        assertThat(e.getMessage()).isEqualTo("name is missing. Enter up to 100 characters.");
    }

    @Test
    void requiredTrimsSurroundingWhitespace() {
        assertThat(Texts.required("name", "  Weekly deals \n", 100)).isEqualTo("Weekly deals");
    }

    @Test
    void requiredAcceptsExactlyMaxLength() {
        String value = "a".repeat(100);

        assertThat(Texts.required("name", value, 100)).isEqualTo(value);
    }

    @Test
    void requiredRejectsOneOverMaxLength() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> Texts.required("name", "a".repeat(101), 100));

        assertThat(e).isNotNull().isNotInstanceOf(MissingInputException.class);
        assertThat(e.field()).contains("name");
        assertThat(e.getMessage()).isEqualTo("name is 101 characters long; the maximum is 100. Shorten it.");
    }

    @Test
    void lengthIsCheckedAfterTrimming() {
        String padded = "   " + "a".repeat(10) + "   ";

        assertThat(Texts.required("name", padded, 10)).isEqualTo("a".repeat(10));
    }

    @Test
    void lengthCountsCodePoints() {
        // U+1F600 takes two UTF-16 units but is one character for the user and for MariaDB's utf8mb4.
        String emoji = "\uD83D\uDE00".repeat(10);

        assertThat(Texts.required("name", emoji, 10)).isEqualTo(emoji);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> Texts.required("name", emoji + "\uD83D\uDE00", 10));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("is 11 characters long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bell\u0007", "nul\u0000here", "escape\u001B[31m", "delete\u007F", "next line\u0085"})
    void rejectsControlCharacters(String value) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> Texts.required("description", value, 100));

        assertThat(e).isNotNull();
        assertThat(e.field()).contains("description");
        assertThat(e.getMessage()).isEqualTo("description contains control characters. Remove them and retry.");
    }

    @Test
    void keepsLineBreaksAndTabs() {
        String value = "first line\r\nsecond\tline\nthird";

        assertThat(Texts.optional("description", value, 100)).isEqualTo(value);
    }

    @Test
    void optionalReturnsEmptyForNull() {
        assertThat(Texts.optional("description", null, 500)).isEmpty();
    }

    @Test
    void optionalReturnsEmptyForBlank() {
        assertThat(Texts.optional("description", "  \n ", 500)).isEmpty();
    }

    @Test
    void optionalRejectsTooLongText() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> Texts.optional("description", "b".repeat(501), 500));

        assertThat(e).isNotNull();
        assertThat(e.field()).contains("description");
        assertThat(e.getMessage()).contains("501 characters long", "maximum is 500");
    }
}
