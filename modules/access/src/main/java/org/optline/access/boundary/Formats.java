package org.optline.access.boundary;

import org.optline.access.api.Role;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formats values for the access pages. Public because the generated template classes call it. */
public final class Formats {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** Returns {@code instant} in UTC to the minute, such as "2025-03-14 09:26 UTC", or "never" for null. */
    public static String time(Instant instant) {
        return instant == null ? "never" : MINUTES.format(instant);
    }

    /** Returns the name of {@code role} as the pages show it: "Admin" or "Agent". */
    public static String role(Role role) {
        return switch (role) {
            case ADMIN -> "Admin";
            case AGENT -> "Agent";
        };
    }
}
