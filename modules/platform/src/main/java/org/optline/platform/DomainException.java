package org.optline.platform;

import java.util.Optional;

/**
 * Base of every broken business rule. The message is shown to the user as it is, so it names the
 * offending value and says how to fix it.
 */
public abstract class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    protected DomainException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** Returns the name of the input field the rule concerns, as the public API spells it. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
