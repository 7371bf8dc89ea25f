package org.optline.helpdesk.api;

import org.optline.platform.ConflictException;

/** A change based on an older version of a conversation than the stored one. */
public class StaleConversationException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public StaleConversationException(long id, long expected, long actual) {
        super("version", "Conversation " + id + " changed while you were looking at it (your version " + expected
                + ", now " + actual + "): a new message arrived or another agent closed or reopened it. "
                + "Nothing was changed. Read the latest messages, then try again.");
    }
}
