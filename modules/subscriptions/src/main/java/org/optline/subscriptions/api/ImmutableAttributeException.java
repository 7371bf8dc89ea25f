package org.optline.subscriptions.api;

import org.optline.platform.InvalidInputException;

/** A request to change a subscription type's message type or consent type, which never change. */
public class ImmutableAttributeException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public ImmutableAttributeException(String field, String current, String requested) {
        super(field, field + " cannot change from " + current + " to " + requested + " after creation, because "
                + "consent already recorded under this type would change its meaning. Archive this type and "
                + "create a new one instead.");
    }
}
