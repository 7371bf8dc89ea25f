package org.optline.subscriptions.api;

import org.optline.platform.ConflictException;

/**
 * A draft or live subscription type whose default name another draft or live type of the same message
 * type already has: customers could not tell the two apart.
 */
public class DuplicateTypeNameException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public DuplicateTypeNameException(String name, MessageType messageType, long existingId) {
        super("default_translation.name", "A draft or live " + messageType.label() + " subscription type named \u201C"
                + name + "\u201D exists already (id " + existingId + "). Customers could not tell them apart: "
                + "use another name, or edit that type.");
    }
}
