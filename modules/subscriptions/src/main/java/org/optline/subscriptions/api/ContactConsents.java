package org.optline.subscriptions.api;

import java.util.Map;

/**
 * A contact's explicit consent states with the phone number they are compared with, read together.
 *
 * @param phone  the contact's current number in E.164 form, or null; an SMS opt-in counts only for it
 * @param states the explicit states by subscription type id; a type without one has no explicit event
 */
public record ContactConsents(long contactId, String phone, Map<Long, ConsentStateView> states) {

    public ContactConsents {
        states = Map.copyOf(states);
    }
}
