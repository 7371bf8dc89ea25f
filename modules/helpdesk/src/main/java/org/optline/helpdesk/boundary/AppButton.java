package org.optline.helpdesk.boundary;

/**
 * A composer button that loads an app's composer fragment into the page.
 *
 * @param path the local path of the fragment, from {@link org.optline.helpdesk.api.ConversationApp#composerPath}
 */
public record AppButton(String type, String label, String path) {
}
