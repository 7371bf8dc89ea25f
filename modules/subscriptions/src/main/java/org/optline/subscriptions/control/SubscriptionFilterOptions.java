package org.optline.subscriptions.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.optline.contacts.api.ContactFilterOptions;
import org.optline.subscriptions.api.State;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.SubscriptionTypes;

import java.util.List;
import java.util.Locale;

/**
 * Offers the contacts list one "Subscription opt-ins" filter per live subscription type, over the
 * search field {@code subscription_type.<id>} that {@link SubscriptionSearchFields} compiles.
 */
@ApplicationScoped
public class SubscriptionFilterOptions implements ContactFilterOptions {

    static final String GROUP = "Subscription opt-ins";

    /** The values of {@link SubscriptionSearchFields}: the latest explicit event, or none. */
    static final List<Choice> CHOICES = List.of(
            new Choice("opted_in", "Opted in"),
            new Choice("opted_out", "Opted out"),
            new Choice("not_set", "Not set"));

    @Inject
    SubscriptionTypes types;

    @Override
    public List<Filter> filters() {
        return filters(types.list());
    }

    /** Returns one filter per live type of {@code types}, in their order. */
    static List<Filter> filters(List<SubscriptionTypeView> types) {
        return types.stream()
                .filter(type -> type.state() == State.LIVE)
                .map(type -> new Filter(GROUP, SubscriptionSearchFields.PREFIX + type.id(), label(type), CHOICES))
                .toList();
    }

    /** Returns the type's name with its channel and consent type, such as "Weekly deals (SMS, opt-in)". */
    static String label(SubscriptionTypeView type) {
        return type.defaultTranslation().name() + " (" + type.messageType().label() + ", "
                + type.consentType().label().toLowerCase(Locale.ROOT) + ")";
    }
}
