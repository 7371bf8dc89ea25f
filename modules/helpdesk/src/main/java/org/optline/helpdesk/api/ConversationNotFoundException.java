package org.optline.helpdesk.api;

import org.optline.platform.ResourceNotFoundException;

/** A conversation id that does not exist, or that belongs to another contact than the caller. */
public class ConversationNotFoundException extends ResourceNotFoundException {

    private static final long serialVersionUID = 1L;

    public ConversationNotFoundException(long id) {
        super("Conversation " + id + " was not found. Check the id.");
    }
}
