package org.optline.helpdesk.boundary;

import org.optline.contacts.api.ContactView;
import org.optline.helpdesk.api.ConversationView;
import org.optline.helpdesk.api.PartView;

/**
 * One line of the inbox list.
 *
 * @param contact       the contact, or null when it was deleted since
 * @param latestMessage the latest customer or agent message, or null when there is none yet
 */
public record InboxRow(ConversationView conversation, ContactView contact, PartView latestMessage) {
}
