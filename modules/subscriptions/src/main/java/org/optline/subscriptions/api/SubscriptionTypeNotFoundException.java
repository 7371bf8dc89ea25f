package org.optline.subscriptions.api;

import org.optline.platform.ResourceNotFoundException;

/** A subscription type id that matches no type. */
public class SubscriptionTypeNotFoundException extends ResourceNotFoundException {

    private static final long serialVersionUID = 1L;

    public SubscriptionTypeNotFoundException(String id) {
        super("Subscription type " + id + " was not found. List the types with GET /api/subscription_types.");
    }
}
