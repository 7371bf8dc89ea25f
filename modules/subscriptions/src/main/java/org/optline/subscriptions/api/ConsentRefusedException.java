package org.optline.subscriptions.api;

import org.optline.platform.ConflictException;
import org.optline.platform.DomainException;
import org.optline.platform.InvalidInputException;
import org.optline.platform.ResourceNotFoundException;

/** Turns a refused consent request into the exception its boundary maps to HTTP. */
public final class ConsentRefusedException {

    private ConsentRefusedException() {
    }

    /**
     * Returns the exception for {@code refused}: not found for a missing contact or type, invalid input
     * for a number that cannot take texts, and a conflict for a rule about the current state.
     */
    public static DomainException of(ConsentOutcome.Refused refused) {
        return switch (refused.reason()) {
            case CONTACT_NOT_FOUND, TYPE_NOT_FOUND -> new ResourceNotFoundException(refused.message());
            case NO_PHONE, NOT_SMS_CAPABLE -> new InvalidInputException("phone", refused.message());
            case TYPE_NOT_LIVE -> new ConflictException("id", refused.message());
            case OPTED_OUT_BY_CUSTOMER -> new ConflictException("override_reason", refused.message());
        };
    }
}
