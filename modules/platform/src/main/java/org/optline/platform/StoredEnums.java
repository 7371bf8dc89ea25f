package org.optline.platform;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads enum constants from the names stored in text columns. The tables use the collation
 * {@code utf8mb4_unicode_ci}, so SQL and the CHECK constraints of the migrations treat {@code opt_in}
 * and {@code OPT_IN} as one value. Readers in Java must agree with them, or a row that SQL counts as
 * an opt-in would be read as something else. So a stored name matches a constant ignoring case and
 * trailing spaces, which the collation ignores too. The collation also ignores accents; these readers
 * do not, and treat such a name as unknown.
 */
public final class StoredEnums {

    private StoredEnums() {
    }

    /** Returns the constant of {@code type} that {@code stored} names, or empty for null or a name {@code type} lacks. */
    public static <E extends Enum<E>> Optional<E> find(Class<E> type, String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        String name = stored.stripTrailing();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(name)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the constant of {@code type} that {@code stored} names.
     *
     * @param column the table and column the name was read from, such as {@code sms_send.state}, for the message
     * @throws IllegalStateException naming the column, the value and the allowed names, when {@code stored}
     *                               is null or names no constant
     */
    public static <E extends Enum<E>> E require(Class<E> type, String stored, String column) {
        return find(type, stored).orElseThrow(() -> new IllegalStateException("Invalid value '" + stored + "' in "
                + column + ": expected one of " + names(type) + ". Correct the row in the database."));
    }

    /** Returns the names of the constants of {@code type}, comma-separated, for messages. */
    public static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
