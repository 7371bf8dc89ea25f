package org.optline.platform;

/** Input that breaks a rule: a value out of range, of the wrong form, or not allowed. */
public class InvalidInputException extends DomainException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String field, String message) {
        super(field, message);
    }
}
