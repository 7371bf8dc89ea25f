package org.optline.subscriptions.boundary;

import org.optline.subscriptions.api.ActorKind;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentSource;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formats consent values for the profile's panels. Public because the generated template classes call it. */
public final class ConsentFormats {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ConsentFormats() {
    }

    /** Returns {@code instant} in UTC to the second, such as "2025-03-14 09:26:53 UTC". */
    public static String time(Instant instant) {
        return SECONDS.format(instant);
    }

    public static String action(ConsentAction action) {
        return switch (action) {
            case OPT_IN -> "Opted in";
            case OPT_OUT -> "Opted out";
        };
    }

    /** Returns where a change came from in plain words, such as "admin toggle" or "SMS keyword". */
    public static String source(ConsentSource source) {
        return switch (source) {
            case ADMIN_TOGGLE -> "admin toggle";
            case BULK -> "bulk action";
            case API -> "API";
            case IMPORT -> "import";
            case FORM -> "opt-in form";
            case PREFERENCE_CENTER -> "preference center";
            case SMS_KEYWORD -> "SMS keyword";
            case SMS_CONFIRMATION -> "SMS confirmation (double opt-in)";
            case CARRIER -> "carrier report";
        };
    }

    /** Returns who made a change, such as "admin ana@example.com" or "the customer". */
    public static String actor(ActorKind kind, String id) {
        String kindLabel = switch (kind) {
            case ADMIN -> "admin";
            case AGENT -> "agent";
            case API_TOKEN -> "API token";
            case CUSTOMER -> "the customer";
            case CARRIER -> "the carrier";
            case SYSTEM -> "Optline";
        };
        return id == null || id.isBlank() ? kindLabel : kindLabel + " " + id;
    }
}
