package org.optline.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StoredEnumsTest {

    @ParameterizedTest
    @ValueSource(strings = {"MONDAY", "monday", "Monday", "MONDAY  "})
    void findIgnoresCaseAndTrailingSpaces(String stored) {
        assertThat(StoredEnums.find(DayOfWeek.class, stored)).contains(DayOfWeek.MONDAY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " MONDAY", "MON", "MONDAYS", "MÖNDAY"})
    void findReturnsEmptyForOtherNames(String stored) {
        assertThat(StoredEnums.find(DayOfWeek.class, stored)).isEmpty();
    }

    @Test
    void findReturnsEmptyForNull() {
        assertThat(StoredEnums.find(DayOfWeek.class, null)).isEmpty();
    }

    @Test
    void requireNamesColumnValueAndAllowedNames() {
        IllegalStateException e = catchThrowableOfType(IllegalStateException.class,
                () -> StoredEnums.require(DayOfWeek.class, "FUNDAY", "calendar.day"));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).isEqualTo("Invalid value 'FUNDAY' in calendar.day: expected one of MONDAY, "
                + "TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY. Correct the row in the database.");
    }

    @Test
    void requireReadsLowerCase() {
        assertThat(StoredEnums.require(DayOfWeek.class, "sunday", "calendar.day")).isEqualTo(DayOfWeek.SUNDAY);
    }
}
