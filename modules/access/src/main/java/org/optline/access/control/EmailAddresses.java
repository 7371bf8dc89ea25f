package org.optline.access.control;

import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;

import java.util.Locale;
import java.util.regex.Pattern;

/** Checks and normalizes the email addresses that accounts sign in with. */
public final class EmailAddresses {

    /** The longest address that fits SMTP's path limit (RFC 5321, section 4.5.3.1.3). */
    public static final int MAX_LENGTH = 254;

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private EmailAddresses() {
    }

    /**
     * Returns {@code raw} trimmed and in lower case.
     *
     * @throws MissingInputException when it is blank
     * @throws InvalidInputException when it is too long or not of the form name@domain.tld
     */
    public static String normalize(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new MissingInputException(field, field + " is missing. Enter an email address such as ana@example.com.");
        }
        String email = raw.strip().toLowerCase(Locale.ROOT);
        if (email.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, field + " is " + email.length()
                    + " characters long; an email address has at most " + MAX_LENGTH + ".");
        }
        if (!SHAPE.matcher(email).matches()) {
            throw new InvalidInputException(field, "'" + raw.strip() + "' is not a valid email address. "
                    + "Use the form name@example.com.");
        }
        return email;
    }
}
