package org.optline.contacts.api;

import org.optline.platform.ResourceNotFoundException;

/** A contact id that matches no contact, or a deleted one. Worded as Intercom words it. */
public class ContactNotFoundException extends ResourceNotFoundException {

    private static final long serialVersionUID = 1L;

    public ContactNotFoundException(String id) {
        super("User Not Found: no contact has id " + id + ".");
    }
}
