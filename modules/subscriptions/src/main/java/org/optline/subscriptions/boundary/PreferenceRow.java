package org.optline.subscriptions.boundary;

import org.optline.contacts.api.ContactView;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentStateView;
import org.optline.subscriptions.api.ConsentType;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.SubscriptionTypeView;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One live subscription type in a contact's "Subscription preferences" panel.
 *
 * @param subscribed    whether the contact may be messaged under the type now; the toggle shows it
 * @param state         what the contact's consent rests on, such as "Explicit opt-in on 2025-03-14 09:26 UTC"
 * @param note          why opting in would be refused, such as a missing phone number, or null
 * @param refusal       the message of a change that was just refused, or null
 * @param offerOverride whether to offer the form that overrides the customer's own opt-out
 */
public record PreferenceRow(long contactId, SubscriptionTypeView type, boolean subscribed, String state, String note,
                            String refusal, boolean offerOverride) {

    /** Returns the row for the contact's current consent; {@code current} is null without an explicit event. */
    static PreferenceRow of(ContactView contact, SubscriptionTypeView type, ConsentStateView current) {
        return of(contact, type, current, null);
    }

    /**
     * Returns the row for the contact's current consent and its pending double opt-in.
     *
     * @param pendingUntil when the contact's opt-in that waits for a YES lapses, or null when none waits
     */
    static PreferenceRow of(ContactView contact, SubscriptionTypeView type, ConsentStateView current,
                            Instant pendingUntil) {
        boolean subscribed = ContactConsent.subscribed(type, current, contact);
        String state = describe(type, current, contact);
        if (pendingUntil != null && !subscribed) {
            state = state + ". Waiting for YES until " + ConsentFormats.time(pendingUntil);
        }
        return new PreferenceRow(contact.id(), type, subscribed, state, note(type, contact), null, false);
    }

    /** Returns this row with the message of a refused change, and the override form when it may help. */
    PreferenceRow refused(String message, boolean override) {
        return new PreferenceRow(contactId, type, subscribed, state, note, message, override);
    }

    public long typeId() {
        return type.id();
    }

    public String name() {
        return type.defaultTranslation().name();
    }

    /** Returns the state the toggle requests when switched, which is the opposite of the current one. */
    public boolean switchedState() {
        return !subscribed;
    }

    /** Describes the consent the state rests on: the latest explicit event, or the type's default. */
    static String describe(SubscriptionTypeView type, ConsentStateView current, ContactView contact) {
        if (current == null) {
            return type.consentType() == ConsentType.OPT_IN
                    ? "Not set (opt-in type: not subscribed)"
                    : "Not set (opt-out type: subscribed)";
        }
        String when = ConsentFormats.time(current.changedAt());
        String via = ConsentFormats.source(current.source());
        if (current.state() == ConsentAction.OPT_OUT) {
            return current.source().byCustomer()
                    ? "Opted out by the customer via " + via + " on " + when
                    : "Opted out via " + via + " on " + when;
        }
        if (type.messageType() == MessageType.SMS && !Objects.equals(current.phone(), contact.phone())) {
            return "Explicit opt-in on " + when + " for another phone number (" + current.phone()
                    + "): not subscribed until the current number opts in";
        }
        return "Explicit opt-in on " + when + " via " + via;
    }

    /** Returns why an SMS opt-in would be refused for this contact, or null when it would not. */
    static String note(SubscriptionTypeView type, ContactView contact) {
        if (type.messageType() != MessageType.SMS) {
            return null;
        }
        if (contact.phone() == null) {
            return "The contact has no phone number, so it cannot opt in to SMS.";
        }
        if (!contact.smsCapable()) {
            String kind = contact.lineType() == null ? "unknown"
                    : contact.lineType().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            return "The contact's phone number is a " + kind + " number that cannot take texts, so it cannot opt in to SMS.";
        }
        return null;
    }
}
