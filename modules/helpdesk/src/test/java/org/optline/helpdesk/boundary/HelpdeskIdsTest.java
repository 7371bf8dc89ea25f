package org.optline.helpdesk.boundary;

import org.junit.jupiter.api.Test;
import org.optline.platform.InvalidInputException;
import org.optline.platform.ResourceNotFoundException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HelpdeskIdsTest {

    @Test
    void conversationIdOverflowIsNotFound() {
        assertThat(HelpdeskIds.conversation("42")).isEqualTo(42);
        assertThatThrownBy(() -> HelpdeskIds.conversation("99999999999999999999"))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("99999999999999999999");
    }

    @Test
    void numberFallsBackWhenAbsent() {
        assertThat(HelpdeskIds.number("after", null, 0)).isZero();
        assertThat(HelpdeskIds.number("after", " ", 5)).isEqualTo(5);
        assertThat(HelpdeskIds.number("after", " 12 ", 0)).isEqualTo(12);
    }

    @Test
    void numberRejectsNegativeAndText() {
        assertThatThrownBy(() -> HelpdeskIds.number("after", "-1", 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'-1'");
        assertThatThrownBy(() -> HelpdeskIds.number("version", "abc", 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'abc' is not a valid version");
    }

    @Test
    void versionIsNullWhenAbsent() {
        assertThat(HelpdeskIds.version(null)).isNull();
        assertThat(HelpdeskIds.version("3")).isEqualTo(3L);
    }

    @Test
    void contactsKeepOrder() {
        assertThat(HelpdeskIds.contacts(List.of("3", "1", "3"))).containsExactly(3L, 1L, 3L);
        assertThat(HelpdeskIds.contacts(null)).isEmpty();
    }
}
