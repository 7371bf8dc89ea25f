package org.optline.contacts.boundary;

import org.optline.contacts.api.ContactChanges;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;

/**
 * The fields of the new-contact and edit forms, as typed. The contacts facade checks them and stores an
 * empty field as no value; an empty role means user.
 */
record ContactForm(String role, String name, String email, String phone, String externalId) {

    /** Returns the changes that set every field of the form. */
    ContactChanges changes() {
        return new ContactChanges()
                .with("role", role == null || role.isBlank() ? "user" : role)
                .with("name", name)
                .with("email", email)
                .with("phone", phone)
                .with("external_id", externalId);
    }

    /** Reads the version an edit form was rendered with. */
    static long version(String version) {
        if (version == null || version.isBlank()) {
            throw new MissingInputException("version", "The form lacks the version it was based on. Reload the page and retry.");
        }
        try {
            return Long.parseLong(version.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("version", "version '" + version + "' is not a number. Reload the page and retry.");
        }
    }
}
