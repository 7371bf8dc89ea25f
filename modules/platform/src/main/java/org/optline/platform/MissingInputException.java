package org.optline.platform;

/** A required input that is absent or blank. */
public class MissingInputException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public MissingInputException(String field, String message) {
        super(field, message);
    }
}
