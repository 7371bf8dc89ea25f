package org.optline.platform;

import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.optline.platform.Jsons.JSON;

/**
 * Reads JSON that a person typed into a form field, and places a syntax error in the text as that
 * person sees it. Browsers send a textarea's line breaks as CR LF, which the parser counts as two
 * characters, and the parser reports the end of an unexpected token rather than its start. Here every
 * line break counts once, columns count characters (code points) from 1, and the position is the
 * first character of the unexpected token.
 */
public final class TypedJson {

    /** Parsson's names of JSON tokens, as its messages list them after "Expected tokens are:". */
    private static final Map<String, String> TOKEN_NAMES = Map.ofEntries(
            Map.entry("CURLYOPEN", "'{'"), Map.entry("CURLYCLOSE", "'}'"),
            Map.entry("SQUAREOPEN", "'['"), Map.entry("SQUARECLOSE", "']'"),
            Map.entry("COLON", "':'"), Map.entry("COMMA", "','"),
            Map.entry("STRING", "a string"), Map.entry("NUMBER", "a number"),
            Map.entry("TRUE", "true"), Map.entry("FALSE", "false"), Map.entry("NULL", "null"),
            Map.entry("EOF", "the end of the text"));

    private static final Pattern EXPECTED_TOKENS = Pattern.compile("Expected tokens are: \\[([A-Z_, ]*)]");

    /** The longest piece of the text that an error message quotes. */
    private static final int MAX_QUOTED = 30;

    private TypedJson() {
    }

    /** A syntax error at a line and column of the typed text, both counted from 1. */
    public static final class SyntaxException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final int line;
        private final int column;
        private final String problem;

        SyntaxException(int line, int column, String problem) {
            super("at line " + line + ", column " + column + ": " + problem);
            this.line = line;
            this.column = column;
            this.problem = problem;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }

        /** Returns what is wrong without the position, such as "unexpected 'x', expected ':'". */
        public String problem() {
            return problem;
        }
    }

    /**
     * Parses {@code typed}, which must contain exactly one JSON value and nothing after it but whitespace.
     *
     * @throws SyntaxException with the position of the first error in {@code typed} as its author sees it
     */
    public static JsonValue read(String typed) {
        String text = typed.replace("\r\n", "\n").replace('\r', '\n');
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw at(text, endOfContent(text), "the text contains no JSON value");
            }
            parser.next();
            JsonValue value = parser.getValue();
            // Parsson 1.1 reports text after the value as a syntax error from hasNext().
            if (parser.hasNext()) {
                throw at(text, start(text, offset(parser.getLocation())), "unexpected text after the JSON value");
            }
            return value;
        } catch (JsonParsingException e) {
            throw locate(text, e);
        }
    }

    private static SyntaxException locate(String text, JsonParsingException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        long reported = offset(e.getLocation());
        // At the end of the input, Parsson 1.1 reports an offset past the end of the text.
        boolean atEnd = reported < 0 || reported >= text.length() || message.contains("token=EOF")
                || message.contains("char -1");
        List<String> expected = expected(message);
        String hint = expected.isEmpty() ? "" : ", expected " + String.join(" or ", expected);
        if (atEnd) {
            return at(text, endOfContent(text), "the text ends before the JSON value is complete" + hint);
        }
        int start = start(text, reported);
        return at(text, start, "unexpected " + quote(text, start) + hint);
    }

    private static long offset(JsonLocation location) {
        return location == null ? -1 : location.getStreamOffset();
    }

    /** Returns the start of the token whose last character, or only character, is at {@code offset}. */
    private static int start(String text, long offset) {
        if (offset < 0 || offset >= text.length()) {
            return endOfContent(text);
        }
        int end = (int) offset;
        char last = text.charAt(end);
        if (last == '"') {
            for (int i = end - 1; i >= 0; i--) {
                if (text.charAt(i) == '"' && !escaped(text, i)) {
                    return i;
                }
            }
            return end;
        }
        int start = end;
        while (isWordCharacter(last) && start > 0 && isWordCharacter(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    private static boolean escaped(String text, int quote) {
        int backslashes = 0;
        for (int i = quote - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** Returns whether {@code c} can be part of a number or of {@code true}, {@code false} or {@code null}. */
    private static boolean isWordCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '+' || c == '.';
    }

    /** Returns the position just after the last character that is not whitespace. */
    private static int endOfContent(String text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** Quotes the token that starts at {@code start}, or names a control character that cannot be shown. */
    private static String quote(String text, int start) {
        char first = text.charAt(start);
        if (first == '\n') {
            return "line break";
        }
        if (first == '\t') {
            return "tab";
        }
        if (Character.isISOControl(first)) {
            return String.format("control character U+%04X", (int) first);
        }
        int end = start + 1;
        if (first == '"') {
            while (end < text.length() && (text.charAt(end) != '"' || escaped(text, end)) && text.charAt(end) != '\n') {
                end++;
            }
            end = Math.min(end + 1, text.length());
        } else if (isWordCharacter(first)) {
            while (end < text.length() && isWordCharacter(text.charAt(end))) {
                end++;
            }
        } else if (Character.isHighSurrogate(first) && end < text.length()) {
            end++;
        }
        String token = text.substring(start, end);
        if (token.codePointCount(0, token.length()) > MAX_QUOTED) {
            token = token.substring(0, token.offsetByCodePoints(0, MAX_QUOTED)) + "...";
        }
        return "'" + token + "'";
    }

    private static List<String> expected(String message) {
        List<String> names = new ArrayList<>();
        Matcher matcher = EXPECTED_TOKENS.matcher(message);
        if (matcher.find()) {
            for (String token : matcher.group(1).split(",")) {
                String name = token.strip();
                if (!name.isEmpty()) {
                    names.add(TOKEN_NAMES.getOrDefault(name, name.toLowerCase(Locale.ROOT)));
                }
            }
        } else if (message.startsWith("Expected EOF token")) {
            names.add(TOKEN_NAMES.get("EOF"));
        }
        return names;
    }

    private static SyntaxException at(String text, int offset, String problem) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = text.codePointCount(lineStart, offset) + 1;
        return new SyntaxException(line, column, problem);
    }
}
