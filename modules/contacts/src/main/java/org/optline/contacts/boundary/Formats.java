package org.optline.contacts.boundary;

import org.optline.contacts.api.ContactRole;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.LineType;
import org.optline.contacts.control.PhoneNumberParser;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formats contact values for the pages. Public because the generated template classes call it. */
public final class Formats {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** Returns {@code instant} in UTC to the minute, such as "2025-03-14 09:26 UTC", or an empty string for null. */
    public static String time(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
    }

    /** Returns the number as written internationally, such as "+1 201-555-0142", or an empty string for null. */
    public static String phone(String e164) {
        return e164 == null ? "" : PhoneNumberParser.formatted(e164);
    }

    /**
     * Returns what a contact is called on the pages: its name, else its email, phone number or
     * external id, else "Contact" and its id.
     */
    public static String displayName(ContactView contact) {
        if (contact.name() != null) {
            return contact.name();
        }
        if (contact.email() != null) {
            return contact.email();
        }
        if (contact.phone() != null) {
            return phone(contact.phone());
        }
        if (contact.externalId() != null) {
            return contact.externalId();
        }
        return "Contact " + contact.id();
    }

    /** Returns the name of {@code role} as the pages show it: "User" or "Lead". */
    public static String role(ContactRole role) {
        return switch (role) {
            case USER -> "User";
            case LEAD -> "Lead";
        };
    }

    /** Returns the kind of line in plain words, such as "mobile" or "landline". */
    public static String lineType(LineType type) {
        return switch (type) {
            case MOBILE -> "mobile";
            case FIXED_LINE_OR_MOBILE -> "landline or mobile";
            case VOIP -> "VoIP";
            case TOLL_FREE -> "toll-free";
            case PERSONAL_NUMBER -> "personal number";
            case FIXED_LINE -> "landline";
            case PREMIUM_RATE -> "premium rate";
            case SHARED_COST -> "shared cost";
            case PAGER -> "pager";
            case UAN -> "universal access number";
            case VOICEMAIL -> "voicemail";
            case UNKNOWN -> "unknown line type";
        };
    }

    /**
     * Returns the badge text of a number that cannot take texts, such as "landline: cannot receive SMS
     * consent", or null for a number that can.
     */
    public static String smsWarning(ContactView contact) {
        if (contact.phone() == null || contact.smsCapable()) {
            return null;
        }
        String kind = contact.lineType() == null ? "unknown line type" : lineType(contact.lineType());
        return kind + ": cannot receive SMS consent";
    }
}
