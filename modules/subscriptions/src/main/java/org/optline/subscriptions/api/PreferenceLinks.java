package org.optline.subscriptions.api;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Personal links to the SMS preference center, one contact each, for the end of every text message.
 */
@ApplicationScoped
public class PreferenceLinks {

    /**
     * Returns the path of a preference center link for a contact, such as {@code /p/Xb3k9QmT2aZr8LwE},
     * valid for at least 60 days. The token is random and scoped to the contact.
     */
    public String pathFor(long contactId) {
        throw new UnsupportedOperationException("Preference center links are not built yet.");
    }
}
