package org.optline.contacts.api;

import java.util.Objects;

/**
 * A valid phone number in E.164 form, such as {@code +12015550142}, with its kind of line. Two
 * numbers are equal when their E.164 forms are, whatever spelling they were typed in.
 *
 * @param e164     the number in E.164 form
 * @param lineType the kind of line, for telling landlines apart
 * @param region   the ISO 3166-1 region the number belongs to, such as {@code US}
 */
public record PhoneNumber(String e164, LineType lineType, String region) {

    public PhoneNumber {
        Objects.requireNonNull(e164, "e164");
        Objects.requireNonNull(lineType, "lineType");
        if (!e164.matches("\\+[1-9][0-9]{6,14}")) {
            throw new IllegalArgumentException("not in E.164 form: " + e164);
        }
    }

    public boolean smsCapable() {
        return lineType.smsCapable();
    }

    /**
     * Returns the number with all but its last four digits hidden, for logs and lists that must not
     * show a full number: {@code +1******0142}.
     */
    public String masked() {
        return mask(e164);
    }

    /** Masks any E.164 string the way {@link #masked()} does. */
    public static String mask(String e164) {
        if (e164 == null || e164.length() <= 6) {
            return e164;
        }
        return e164.substring(0, 2) + "*".repeat(e164.length() - 6) + e164.substring(e164.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }
}
