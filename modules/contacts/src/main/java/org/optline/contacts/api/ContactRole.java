package org.optline.contacts.api;

import org.optline.platform.InvalidInputException;

import java.util.Locale;

/** Intercom's two kinds of contact: a user, known to the business, or a lead, not yet identified. */
public enum ContactRole {
    USER("user"),
    LEAD("lead");

    private final String apiName;

    ContactRole(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    /** Parses {@code user} or {@code lead} in any case. */
    public static ContactRole parse(String field, String value) {
        String normalized = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (normalized) {
            case "user" -> USER;
            case "lead" -> LEAD;
            default -> throw new InvalidInputException(field, field + " '" + value + "' is unknown. Use user or lead.");
        };
    }
}
