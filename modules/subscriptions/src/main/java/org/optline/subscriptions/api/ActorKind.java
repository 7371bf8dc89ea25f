package org.optline.subscriptions.api;

/** Who made a consent change. */
public enum ActorKind {
    ADMIN,
    AGENT,
    API_TOKEN,
    CUSTOMER,
    CARRIER,
    SYSTEM
}
