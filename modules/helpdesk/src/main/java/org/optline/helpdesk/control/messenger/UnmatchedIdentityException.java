package org.optline.helpdesk.control.messenger;

import org.optline.platform.ConflictException;

/**
 * A verified identity that matches no contact exactly, but whose value another contact has in a
 * spelling the database treats as equal (such as another letter case or accent). The message names
 * neither that contact nor its value, so the session endpoint reveals nothing about other contacts.
 */
public class UnmatchedIdentityException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public UnmatchedIdentityException(String field) {
        super(field, "The messenger cannot start a session for this " + field + ", because it cannot be matched "
                + "to exactly one contact. Ask the workspace's admin to check the contacts with this " + field + ".");
    }
}
