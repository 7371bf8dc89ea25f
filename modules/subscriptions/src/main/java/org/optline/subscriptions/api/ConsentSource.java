package org.optline.subscriptions.api;

/** Where a consent change came from. */
public enum ConsentSource {
    /** An admin's toggle on a contact's profile. */
    ADMIN_TOGGLE(false),
    /** An admin's bulk subscribe or unsubscribe. */
    BULK(false),
    /** An integrator's API call. */
    API(false),
    /** A contact import. */
    IMPORT(false),
    /** The customer, in an opt-in form. */
    FORM(true),
    /** The customer, in the SMS preference center. */
    PREFERENCE_CENTER(true),
    /** The customer, by texting a keyword such as STOP. */
    SMS_KEYWORD(true),
    /** The customer, confirming a pending opt-in of a double opt-in type by texting YES. */
    SMS_CONFIRMATION(true),
    /** The carrier or SMS provider, reporting that the number opted out or is blocked. */
    CARRIER(true);

    private final boolean customer;

    ConsentSource(boolean customer) {
        this.customer = customer;
    }

    /**
     * Returns whether the change was made by the customer (or reported on their behalf by the carrier).
     * A customer's own opt-out may not be overturned by an operator without an override.
     */
    public boolean byCustomer() {
        return customer;
    }
}
