package org.optline.helpdesk.control;

import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;

import java.util.regex.Pattern;

/** Checks the input of new conversation parts before anything is stored. */
public final class PartInputs {

    /** The maximum length of a message or event text, in characters. The database checks the same limit. */
    public static final int MAX_BODY_LENGTH = 10_000;

    /** A lower-case identifier that fits the 40-character app_type column. */
    private static final Pattern APP_TYPE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private PartInputs() {
    }

    /**
     * Returns {@code body} unchanged when it is a valid message text.
     *
     * @throws MissingInputException when it is null or blank
     * @throws InvalidInputException when it is longer than {@value #MAX_BODY_LENGTH} characters
     */
    public static String body(String body) {
        if (body == null || body.isBlank()) {
            throw new MissingInputException("body", "The message is empty. Write some text before sending.");
        }
        int length = body.codePointCount(0, body.length());
        if (length > MAX_BODY_LENGTH) {
            throw new InvalidInputException("body", "The message has " + length + " characters, more than the "
                    + MAX_BODY_LENGTH + " allowed. Shorten it or send it in several messages.");
        }
        return body;
    }

    /** Returns {@code appType} when it is a lower-case identifier such as {@code optin_form}. */
    public static String appType(String appType) {
        if (appType == null || !APP_TYPE.matcher(appType).matches()) {
            throw new InvalidInputException("app_type", "App type '" + appType + "' is invalid. Use a lower-case "
                    + "identifier of up to 40 letters, digits and underscores, such as optin_form.");
        }
        return appType;
    }

    /** Returns {@code appRef} when it is a positive id. */
    public static long appRef(long appRef) {
        if (appRef < 1) {
            throw new InvalidInputException("app_ref", "App reference " + appRef + " is invalid. Use the positive id "
                    + "that the app stored.");
        }
        return appRef;
    }

    /** Returns {@code agent} when it names an account, because agent parts record their author. */
    public static String agent(String agent) {
        if (agent == null || agent.isBlank()) {
            throw new MissingInputException("agent", "The agent is missing. Pass the signed-in account's email.");
        }
        return agent;
    }
}
