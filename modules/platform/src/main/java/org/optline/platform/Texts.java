package org.optline.platform;

/** Checks for user-typed text that every module applies the same way. */
public final class Texts {

    private Texts() {
    }

    /**
     * Trims {@code value} and checks that it is present, at most {@code maxLength} characters long and
     * free of control characters other than line breaks and tabs.
     *
     * @throws MissingInputException when the value is null or blank
     * @throws InvalidInputException when it is too long or contains control characters
     */
    public static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new MissingInputException(field, field + " is missing. Enter up to " + maxLength + " characters.");
        }
        return optional(field, value, maxLength);
    }

    /**
     * Trims {@code value}, returning an empty string for null, and applies the same length and
     * character checks as {@link #required}.
     */
    public static String optional(String field, String value, int maxLength) {
        if (value == null) {
            return "";
        }
        String trimmed = value.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > maxLength) {
            throw new InvalidInputException(field, field + " is " + length + " characters long; the maximum is "
                    + maxLength + ". Shorten it.");
        }
        boolean hasControl = trimmed.codePoints()
                .anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
        if (hasControl) {
            throw new InvalidInputException(field, field + " contains control characters. Remove them and retry.");
        }
        return trimmed;
    }
}
