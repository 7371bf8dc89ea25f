package org.optline.contacts.api;

import org.optline.platform.ConflictException;

/** A new or changed contact whose email or external id another contact already has. */
public class DuplicateContactException extends ConflictException {

    private static final long serialVersionUID = 1L;

    private final long existingId;

    public DuplicateContactException(String field, long existingId) {
        super(field, "A contact matching those details already exists with id=" + existingId + " (same " + field
                + "). Update that contact instead, or use another " + field + ".");
        this.existingId = existingId;
    }

    public long existingId() {
        return existingId;
    }
}
