package org.optline.contacts.boundary;

import org.optline.contacts.api.ContactNotFoundException;

/** Parses the contact ids in page paths. Anything that is not a positive number matches no contact. */
final class ContactIds {

    /** The maximum number of decimal digits that always fits a {@code long}. */
    private static final int MAX_DIGITS = 18;

    private ContactIds() {
    }

    /** Returns the id, or throws the not-found error that a missing contact gets. */
    static long parse(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_DIGITS || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ContactNotFoundException(String.valueOf(id));
        }
        long value = Long.parseLong(id);
        if (value <= 0) {
            throw new ContactNotFoundException(id);
        }
        return value;
    }
}
