package org.optline.subscriptions.api;

/** The two things a consent event can say. */
public enum ConsentAction {
    OPT_IN,
    OPT_OUT
}
