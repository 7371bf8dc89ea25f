package org.optline.helpdesk.boundary;

import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.PhoneNumber;
import org.optline.helpdesk.api.Channel;
import org.optline.helpdesk.api.PartView;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Formats conversation values for the inbox pages. Public because the generated template classes call it. */
public final class InboxFormats {

    /** The maximum length of the latest message in the inbox list, in characters. */
    static final int PREVIEW_LENGTH = 120;

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private InboxFormats() {
    }

    /** Returns {@code instant} in UTC to the minute, such as "2025-03-14 09:26 UTC", or an empty string for null. */
    public static String time(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
    }

    /** Returns {@code instant} in ISO 8601 for the datetime attribute of a time element. */
    public static String isoTime(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /**
     * Returns what a contact is called in the inbox: its name, else its email, else its phone number with
     * all but the last four digits hidden, else "Contact" and its id.
     */
    public static String contactName(ContactView contact, long contactId) {
        if (contact == null) {
            return "Contact " + contactId;
        }
        if (contact.name() != null && !contact.name().isBlank()) {
            return contact.name();
        }
        if (contact.email() != null) {
            return contact.email();
        }
        if (contact.phone() != null) {
            return PhoneNumber.mask(contact.phone());
        }
        return "Contact " + contactId;
    }

    /** Returns the contact's phone number with all but the last four digits hidden, or an empty string. */
    public static String maskedPhone(ContactView contact) {
        return contact == null || contact.phone() == null ? "" : PhoneNumber.mask(contact.phone());
    }

    /** Returns the contact's email, or an empty string. */
    public static String email(ContactView contact) {
        return contact == null || contact.email() == null ? "" : contact.email();
    }

    /** Returns the start of a message for the inbox list, cut at {@value #PREVIEW_LENGTH} characters with an ellipsis. */
    public static String preview(PartView part) {
        if (part == null || part.body() == null) {
            return "";
        }
        String text = part.body().strip().replaceAll("\\s+", " ");
        if (text.codePointCount(0, text.length()) <= PREVIEW_LENGTH) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, PREVIEW_LENGTH)) + "…";
    }

    /** Returns who wrote a part, as the conversation shows it: "Customer", the agent's email, or "Optline". */
    public static String author(PartView part) {
        return switch (part.kind()) {
            case CUSTOMER_MESSAGE -> "Customer";
            case AGENT_MESSAGE, APP -> part.authorId() == null ? "Agent" : part.authorId();
            case EVENT -> part.authorId() == null ? "Optline" : part.authorId();
        };
    }

    /** Returns the name of a channel as the inbox shows it: "SMS" or "Messenger". */
    public static String channel(Channel channel) {
        return channel == Channel.SMS ? "SMS" : "Messenger";
    }

    /** Returns the lines of a message, so that a page shows its line breaks without building HTML. */
    public static List<String> lines(String body) {
        return body == null ? List.of() : List.of(body.split("\\R", -1));
    }
}
