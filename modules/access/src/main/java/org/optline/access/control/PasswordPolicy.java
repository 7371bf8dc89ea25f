package org.optline.access.control;

import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;

/**
 * The rules a new password must meet. Length is the rule that matters (NIST SP 800-63B, section
 * 5.1.1.2); the upper bound keeps the cost of hashing one attempt bounded.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /**
     * Checks {@code password} for the account {@code email}. Messages never repeat the password.
     *
     * @throws InvalidInputException when it is too short, too long or equal to the email
     */
    public static void check(String field, String password, String email) {
        if (password == null || password.isEmpty()) {
            throw new MissingInputException(field, field + " is missing. Choose a password of at least "
                    + MIN_LENGTH + " characters.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new InvalidInputException(field, field + " has " + length + " characters; use at least "
                    + MIN_LENGTH + ".");
        }
        if (length > MAX_LENGTH) {
            throw new InvalidInputException(field, field + " has " + length + " characters; use at most "
                    + MAX_LENGTH + ".");
        }
        if (password.strip().equalsIgnoreCase(email)) {
            throw new InvalidInputException(field, field + " must not be the email address. Choose another password.");
        }
    }
}
