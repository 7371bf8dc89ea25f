package org.optline.access.api;

import org.optline.platform.InvalidInputException;

/** A password change whose current password is wrong; it counts as a failed sign-in. */
public class WrongCurrentPasswordException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public WrongCurrentPasswordException() {
        super("current_password", "The current password is wrong. Type it again; after 5 wrong passwords "
                + "the account is locked for 15 minutes.");
    }
}
