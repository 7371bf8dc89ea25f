package org.optline.access.boundary;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PathIdsTest {

    @Test
    void parseReadsPositiveNumber() {
        assertThat(PathIds.parse("42")).contains(42L);
    }

    @Test
    void parseReadsEighteenDigits() {
        assertThat(PathIds.parse("999999999999999999")).contains(999_999_999_999_999_999L);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"0", "000", "-1", "+1", "abc", "1e3", " 1", "1.0", "1234567890123456789",
            "\u0661\u0662"})
    void parseRejectsAnythingElse(String id) {
        assertThat(PathIds.parse(id)).isEmpty();
    }
}
