package org.optline.optinform.control;

import org.optline.platform.ResourceNotFoundException;

/**
 * An opt-in form id that does not exist, or whose conversation belongs to another contact than the
 * caller. Both read the same, so that a visitor learns nothing about other contacts' forms.
 */
public class FormNotFoundException extends ResourceNotFoundException {

    private static final long serialVersionUID = 1L;

    public FormNotFoundException(String id) {
        super("Opt-in form " + id + " was not found. Check the id.");
    }
}
