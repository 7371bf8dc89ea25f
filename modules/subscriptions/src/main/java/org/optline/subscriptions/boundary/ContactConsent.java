package org.optline.subscriptions.boundary;

import org.optline.contacts.api.ContactView;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentStateView;
import org.optline.subscriptions.api.ConsentType;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.SubscriptionTypeView;

import java.util.Objects;

/** Reads a contact's effective consent for a type from its explicit state. */
final class ContactConsent {

    private ContactConsent() {
    }

    /**
     * Returns whether the contact may be messaged under the type now: an opt-in type needs an opt-in,
     * an opt-out type anything but an opt-out. An SMS opt-in counts only for the number it was given for.
     */
    static boolean subscribed(SubscriptionTypeView type, ConsentStateView state, ContactView contact) {
        return subscribed(type, state, contact.phone());
    }

    /** Returns the same as {@link #subscribed(SubscriptionTypeView, ConsentStateView, ContactView)} for the contact's phone. */
    static boolean subscribed(SubscriptionTypeView type, ConsentStateView state, String contactPhone) {
        if (type.consentType() == ConsentType.OPT_OUT) {
            return state == null || state.state() != ConsentAction.OPT_OUT;
        }
        if (state == null || state.state() != ConsentAction.OPT_IN) {
            return false;
        }
        return type.messageType() != MessageType.SMS || Objects.equals(state.phone(), contactPhone);
    }

    /** Returns whether Intercom's list of a contact's subscriptions shows the type. */
    static boolean listed(SubscriptionTypeView type, ConsentStateView state, ContactView contact) {
        return listed(type, state, contact.phone());
    }

    /** Returns whether Intercom's list shows the type, for a contact with phone {@code contactPhone}. */
    static boolean listed(SubscriptionTypeView type, ConsentStateView state, String contactPhone) {
        if (type.consentType() == ConsentType.OPT_OUT) {
            return state != null && state.state() == ConsentAction.OPT_OUT;
        }
        return subscribed(type, state, contactPhone);
    }
}
