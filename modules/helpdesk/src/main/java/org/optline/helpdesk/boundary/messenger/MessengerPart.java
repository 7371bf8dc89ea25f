package org.optline.helpdesk.boundary.messenger;

import gg.jte.Content;

/**
 * A conversation part as the contact sees it in the messenger.
 *
 * @param mine whether the contact wrote it
 * @param body the plain text of a message, or null for an app part
 * @param app  the app's own rendering of an app part, or null for a message
 */
public record MessengerPart(long id, boolean mine, String body, Content app) {
}
