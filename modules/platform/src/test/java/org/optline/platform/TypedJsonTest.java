package org.optline.platform;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TypedJsonTest {

    private static TypedJson.SyntaxException error(String typed) {
        return catchThrowableOfType(TypedJson.SyntaxException.class, () -> TypedJson.read(typed));
    }

    @Test
    void validValueIsRead() {
        JsonObject value = TypedJson.read("\r\n  {\"field\": \"role\", \"operator\": \"=\", \"value\": \"user\"}\r\n")
                .asJsonObject();

        assertThat(value.getString("field")).isEqualTo("role");
        assertThat(value.getString("value")).isEqualTo("user");
    }

    @Test
    void browserLineBreaksCountOnce() {
        String typed = "{\r\n  \"field\": \"role\",\r\n  \"operator\" \"=\",\r\n  \"value\": \"user\"\r\n}";

        TypedJson.SyntaxException error = error(typed);

        assertThat(error.line()).isEqualTo(3);
        assertThat(error.column()).isEqualTo(14);
        assertThat(error.problem()).isEqualTo("unexpected '\"=\"', expected ':'");
        assertThat(error.getMessage()).isEqualTo("at line 3, column 14: unexpected '\"=\"', expected ':'");
    }

    @Test
    void leadingBlankLinesKeepTheirLines() {
        TypedJson.SyntaxException error = error("\n\n   {\"field\": role}");

        assertThat(error.line()).isEqualTo(3);
        assertThat(error.column()).isEqualTo(14);
        assertThat(error.problem()).isEqualTo("unexpected 'role'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            r                   | 1 | 1  | unexpected 'r'
            [12 34]             | 1 | 5  | unexpected '34', expected ','
            [true false]        | 1 | 7  | unexpected 'false', expected ','
            {"a":1,}            | 1 | 8  | unexpected '}', expected a string
            {"a":1}}            | 1 | 8  | unexpected '}', expected the end of the text
            {"a":1} x           | 1 | 9  | unexpected 'x'
            {"a": "😀" x}       | 1 | 11 | unexpected 'x'
            """)
    void errorPointsAtTokenStart(String typed, int line, int column, String problem) {
        TypedJson.SyntaxException error = error(typed);

        assertThat(error.line()).as("line of the error in %s", typed).isEqualTo(line);
        assertThat(error.column()).as("column of the error in %s", typed).isEqualTo(column);
        assertThat(error.problem()).isEqualTo(problem);
    }

    @Test
    void unfinishedValueEndsAfterLastCharacter() {
        TypedJson.SyntaxException error = error("{\r\n  \"field\": \"role\"\r\n\r\n");

        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isEqualTo(18);
        assertThat(error.problem()).isEqualTo("the text ends before the JSON value is complete, expected ',' or '}'");
    }

    @Test
    void unclosedStringEndsAfterLastCharacter() {
        TypedJson.SyntaxException error = error("{\"a\": \"b");

        assertThat(error.line()).isEqualTo(1);
        assertThat(error.column()).isEqualTo(9);
        assertThat(error.problem()).startsWith("the text ends before the JSON value is complete");
    }

    @Test
    void longTokenIsShortened() {
        TypedJson.SyntaxException error = error("[1 \"" + "x".repeat(40) + "\"]");

        assertThat(error.column()).isEqualTo(4);
        assertThat(error.problem()).isEqualTo("unexpected '\"" + "x".repeat(29) + "...', expected ','");
    }
}
