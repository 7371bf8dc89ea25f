package org.optline.contacts.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.optline.platform.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CursorsTest {

    private static String encoded(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void cursorKeepsLastIdAndPage() {
        String cursor = Cursors.after(41, 3);

        assertThat(Cursors.lastId(cursor)).isEqualTo(41);
        assertThat(Cursors.page(cursor)).isEqualTo(3);
    }

    @Test
    void absentCursorStartsFirstPage() {
        assertThat(Cursors.lastId(null)).isZero();
        assertThat(Cursors.lastId(" ")).isZero();
        assertThat(Cursors.page(null)).isEqualTo(1);
    }

    @Test
    void cursorWithoutPageCountsAsFirstPage() {
        String cursor = encoded("after:5");

        assertThat(Cursors.lastId(cursor)).isEqualTo(5);
        assertThat(Cursors.page(cursor)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zzz", "after:x:2", "after:5:0", "after:-5:2", "after:5:2:9", "before:5:2"})
    void foreignCursorIsRejectedNamingField(String text) {
        String cursor = text.equals("zzz") ? text : encoded(text);

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> Cursors.lastId("pagination.starting_after", cursor));

        assertThat(e).as("exception for %s", text).isNotNull();
        assertThat(e.field()).contains("pagination.starting_after");
        assertThat(e.getMessage()).contains(cursor);
    }
}
