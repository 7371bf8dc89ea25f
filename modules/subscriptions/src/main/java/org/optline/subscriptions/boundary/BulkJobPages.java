package org.optline.subscriptions.boundary;

import org.optline.platform.InvalidInputException;
import org.optline.subscriptions.api.BulkItemOutcome;

import java.util.Locale;

/** Reads the paging and filter parameters of bulk job reports, shared by the API and the pages. */
final class BulkJobPages {

    private BulkJobPages() {
    }

    /** Reads an outcome filter; blank or {@code all} means no filter, so it returns null. */
    static BulkItemOutcome outcome(String value) {
        String outcome = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (outcome.isEmpty() || outcome.equals("ALL")) {
            return null;
        }
        try {
            return BulkItemOutcome.valueOf(outcome);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("outcome", "outcome '" + value + "' is unknown. Use pending, changed, "
                    + "already or refused, or leave it out for all.");
        }
    }

    /** Reads a positive page number or page size. */
    static int number(String field, String value) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below.
        }
        throw new InvalidInputException(field, field + " '" + value + "' is not a whole number from 1 up.");
    }
}
