package org.optline.subscriptions.api;

import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;

import java.util.Locale;

/** The channel a subscription type sends over. Fixed when the type is created. */
public enum MessageType {
    SMS("sms_message", "SMS"),
    EMAIL("email", "Email");

    private final String apiName;
    private final String label;

    MessageType(String apiName, String label) {
        this.apiName = apiName;
        this.label = label;
    }

    /** Returns the name in Intercom's {@code content_types} list. */
    public String apiName() {
        return apiName;
    }

    /** Returns the name shown on admin pages. */
    public String label() {
        return label;
    }

    /**
     * Parses a message type as typed on a page ({@code sms}, {@code email}) or sent to the API
     * ({@code sms_message}, {@code email}), ignoring case.
     */
    public static MessageType parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new MissingInputException(field, field + " is missing. Use sms_message or email.");
        }
        String normalized = value.strip().toLowerCase(Locale.ROOT);
        return switch (normalized) {
            case "sms", "sms_message" -> SMS;
            case "email" -> EMAIL;
            default -> throw new InvalidInputException(field, field + " '" + value.strip()
                    + "' is unknown. Use sms_message or email.");
        };
    }
}
