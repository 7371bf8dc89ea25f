package org.optline.subscriptions.api;

import org.optline.platform.ConflictException;

/** A change to an archived subscription type, which is kept only as a record. */
public class ArchivedTypeException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public ArchivedTypeException(long id, String change) {
        super("Subscription type " + id + " is archived, so it cannot be " + change
                + ". Archived types stay as they were so that old consent records keep their meaning; "
                + "create a new type instead.");
    }
}
