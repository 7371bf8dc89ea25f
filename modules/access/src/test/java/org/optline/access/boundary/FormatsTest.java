package org.optline.access.boundary;

import org.junit.jupiter.api.Test;
import org.optline.access.api.Role;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

    @Test
    void timeShowsUtcToTheMinute() {
        assertThat(Formats.time(Instant.parse("2025-03-14T09:26:53.589Z"))).isEqualTo("2025-03-14 09:26 UTC");
    }

    @Test
    void timeOfNullIsNever() {
        assertThat(Formats.time(null)).isEqualTo("never");
    }

    @Test
    void roleLabelsAreCapitalizedNames() {
        assertThat(Formats.role(Role.ADMIN)).isEqualTo("Admin");
        assertThat(Formats.role(Role.AGENT)).isEqualTo("Agent");
    }
}
