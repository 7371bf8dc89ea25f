package org.optline.subscriptions.api;

import org.optline.platform.ConflictException;

/** A change based on an older version of a subscription type than the stored one. */
public class StaleVersionException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public StaleVersionException(long id, long expected, long actual) {
        super("version", "Subscription type " + id + " was changed by someone else while you edited it "
                + "(your version " + expected + ", now " + actual + "). Nothing was saved. "
                + "Reload it to see the other change, then make yours again.");
    }

    public StaleVersionException(long id) {
        super("version", "Subscription type " + id + " was changed by someone else at the same moment. "
                + "Nothing was saved. Reload it to see the other change, then make yours again.");
    }
}
