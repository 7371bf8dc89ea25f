package org.optline.helpdesk.boundary;

import org.optline.platform.InvalidInputException;
import org.optline.platform.ResourceNotFoundException;

import java.util.ArrayList;
import java.util.List;

/** Reads ids and versions from page paths and forms. */
final class HelpdeskIds {

    private HelpdeskIds() {
    }

    /** Returns the conversation id of a path segment that the route has matched as digits. */
    static long conversation(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ResourceNotFoundException("Conversation " + id + " was not found. Check the id.");
        }
    }

    /** Returns a non-negative number from a form field, or {@code fallback} when the field is absent. */
    static long number(String field, String value, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below with the value.
        }
        throw new InvalidInputException(field, "'" + value + "' is not a valid " + field + ". Reload the page and try again.");
    }

    /** Returns the version the page showed, or null when the form sent none. */
    static Long version(String value) {
        return value == null || value.isBlank() ? null : number("version", value, 0);
    }

    /** Returns the contact ids of repeated form fields, in order. */
    static List<Long> contacts(List<String> values) {
        List<Long> ids = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            ids.add(number("contact", value, 0));
        }
        return ids;
    }
}
