package org.optline.access.boundary;

import java.util.Optional;

/** Parses the numeric ids in page paths. Anything that is not a positive number matches no row. */
final class PathIds {

    /** The maximum number of decimal digits that always fits a {@code long}. */
    private static final int MAX_DIGITS = 18;

    private PathIds() {
    }

    static Optional<Long> parse(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_DIGITS || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        long value = Long.parseLong(id);
        return value > 0 ? Optional.of(value) : Optional.empty();
    }
}
