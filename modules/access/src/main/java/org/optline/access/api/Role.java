package org.optline.access.api;

import org.optline.platform.InvalidInputException;

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
     * @throws InvalidInputException naming the value when it is no role
     */
    public static Role parse(String field, String value) {
        String normalized = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        for (Role role : values()) {
            if (role.name().equals(normalized)) {
                return role;
            }
        }
        throw new InvalidInputException(field, "Role '" + value + "' is unknown. Use ADMIN or AGENT.");
    }
}
