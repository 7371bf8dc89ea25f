package org.optline.subscriptions.boundary;

import org.optline.subscriptions.api.ActorKind;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentRequest;
import org.optline.subscriptions.api.ConsentSource;
import org.optline.subscriptions.api.ConsentStateView;
import org.optline.subscriptions.api.ContactConsents;
import org.optline.subscriptions.api.Evidence;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.SubscriptionTypeView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a post of the preference center into consent requests by the customer: one per subscription
 * type whose state the post changes, none for a type that already is as requested.
 */
final class PreferenceChoices {

    private PreferenceChoices() {
    }

    /**
     * Returns the requests of a "Save preferences" post. Only types that the page showed and that are
     * still live change, so that a type put live after the page was opened is not switched off unseen.
     *
     * @param shown   the ids of the types the page listed
     * @param checked the ids of the types whose switch was on
     */
    static List<ConsentRequest> save(List<SubscriptionTypeView> live, ContactConsents consents, Set<Long> shown,
                                     Set<Long> checked, Function<SubscriptionTypeView, Evidence> evidence) {
        List<ConsentRequest> requests = new ArrayList<>();
        for (SubscriptionTypeView type : live) {
            if (shown.contains(type.id())) {
                change(type, consents, checked.contains(type.id()), evidence).ifPresent(requests::add);
            }
        }
        return requests;
    }

    /** Returns the requests of "Unsubscribe from all": an opt-out for every live type the contact gets now. */
    static List<ConsentRequest> unsubscribeAll(List<SubscriptionTypeView> live, ContactConsents consents,
                                               Function<SubscriptionTypeView, Evidence> evidence) {
        List<ConsentRequest> requests = new ArrayList<>();
        for (SubscriptionTypeView type : live) {
            change(type, consents, false, evidence).ifPresent(requests::add);
        }
        return requests;
    }

    /** Returns whether the contact may be texted under {@code type} now. */
    static boolean subscribed(SubscriptionTypeView type, ContactConsents consents) {
        return ContactConsent.subscribed(type, consents.states().get(type.id()), consents.phone());
    }

    /**
     * Returns the source of the latest SMS opt-out that only a START text undoes, SMS_KEYWORD or CARRIER,
     * or null when no SMS type's current opt-out came from either. After such an opt-out the provider
     * refuses texts to the number until the customer texts START, whatever this page records.
     *
     * @param messageTypes the message type of each subscription type id that has a state
     */
    static ConsentSource optOutNeedingStart(ContactConsents consents, Map<Long, MessageType> messageTypes) {
        return consents.states().values().stream()
                .filter(state -> state.state() == ConsentAction.OPT_OUT)
                .filter(state -> state.source() == ConsentSource.SMS_KEYWORD || state.source() == ConsentSource.CARRIER)
                .filter(state -> messageTypes.get(state.subscriptionTypeId()) == MessageType.SMS)
                .max(Comparator.comparing(ConsentStateView::changedAt))
                .map(ConsentStateView::source)
                .orElse(null);
    }

    /**
     * Returns the ids of the live types that a post leaves switched off: every live type for
     * "Unsubscribe from all", else the shown types whose switch was off.
     */
    static Set<Long> switchedOff(List<SubscriptionTypeView> live, boolean unsubscribeAll, Set<Long> shown,
                                 Set<Long> checked) {
        Set<Long> off = new HashSet<>();
        for (SubscriptionTypeView type : live) {
            if (unsubscribeAll || (shown.contains(type.id()) && !checked.contains(type.id()))) {
                off.add(type.id());
            }
        }
        return off;
    }

    /**
     * Returns the opt-outs that keep every contact sharing the customer's number from being texted under
     * a type the customer left switched off. Switching a type off revokes consent for the number, and a
     * send texts the number from whichever of its contacts passes its checks, such as a household
     * member's contact or a lead never merged with the user. Nothing is switched on for them, because
     * consent given on one contact's page is that contact's alone.
     *
     * @param switchedOff the ids of the types the post leaves off, from {@link #switchedOff}
     * @param sharing     the consents of the other contacts that hold the customer's number
     */
    static List<ConsentRequest> sameNumberOptOuts(List<SubscriptionTypeView> live, Set<Long> switchedOff,
                                                  List<ContactConsents> sharing,
                                                  Function<SubscriptionTypeView, Evidence> evidence) {
        List<ConsentRequest> requests = new ArrayList<>();
        for (ContactConsents other : sharing) {
            for (SubscriptionTypeView type : live) {
                if (switchedOff.contains(type.id())) {
                    change(type, other, false, evidence).ifPresent(requests::add);
                }
            }
        }
        return requests;
    }

    private static Optional<ConsentRequest> change(SubscriptionTypeView type, ContactConsents consents, boolean wanted,
                                                   Function<SubscriptionTypeView, Evidence> evidence) {
        if (subscribed(type, consents) == wanted) {
            return Optional.empty();
        }
        ConsentAction action = wanted ? ConsentAction.OPT_IN : ConsentAction.OPT_OUT;
        return Optional.of(new ConsentRequest(consents.contactId(), type.id(), action, ConsentSource.PREFERENCE_CENTER,
                ActorKind.CUSTOMER, null, evidence.apply(type), null, null));
    }
}
