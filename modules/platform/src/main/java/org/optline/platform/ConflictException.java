package org.optline.platform;

/**
 * A request that is well formed but conflicts with the current state: a stale version, a duplicate,
 * or a change that the resource's state does not allow.
 */
public class ConflictException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String field, String message) {
        super(field, message);
    }

    public ConflictException(String message) {
        super(null, message);
    }
}
