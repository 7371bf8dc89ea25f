package org.optline.subscriptions.boundary;

import java.util.List;

/**
 * The SMS preference center as a customer sees it.
 *
 * @param businessName the business that sends the messages, named in the introduction
 * @param items        the live SMS subscription types, in the customer's language where translated
 * @param formAction   where the form posts to; in the admin preview a harmless reload of the preview
 * @param formMethod   {@code post} for customers, {@code get} in the preview, which must change nothing
 */
public record PreferenceCenterModel(CustomerTexts texts, String businessName, List<Item> items,
                                    String formAction, String formMethod) {

    /**
     * One subscription type in the list.
     *
     * @param subscribed whether the switch is on: for a contact, the current state; in the preview, the
     *                   state of a contact who never chose (on for opt-out types, off for opt-in types)
     */
    public record Item(long id, String name, String description, boolean subscribed) {
    }
}
