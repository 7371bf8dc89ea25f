package org.optline.helpdesk.api;

import org.optline.contacts.api.ContactView;

/**
 * A messenger visitor whose token was verified, with the contact as the check read it, so that an
 * endpoint that needs the contact does not read it a second time.
 *
 * @param visitor the visitor the token names
 * @param contact the visitor's contact, which existed and was not deleted when the token was checked
 */
public record VerifiedVisitor(MessengerVisitor visitor, ContactView contact) {
}
