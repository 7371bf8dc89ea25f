package org.optline.access.api;

import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;

import java.util.Locale;

/** What a signed-in person may do. The names are also the Jakarta Security role names. */
public enum Role {
    /** Manages subscription types, contacts, sending, accounts and tokens. */
    ADMIN,
    /** Works in the helpdesk inbox and collects consent in conversations. */
    AGENT;

    /**
     * Parses a role name typed by a user, ignoring case.
     *
     * @throws MissingInputException when the value is null or blank
     * @throws InvalidInputException naming the value when it is no role
     */
    public static Role parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new MissingInputException(field, field + " is missing. Choose ADMIN or AGENT.");
        }
        String normalized = value.strip().toUpperCase(Locale.ROOT);
        for (Role role : values()) {
            if (role.name().equals(normalized)) {
                return role;
            }
        }
        throw new InvalidInputException(field, "Role '" + value + "' is unknown. Use ADMIN or AGENT.");
    }
}
