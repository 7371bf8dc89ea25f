package org.optline.subscriptions.boundary;

import org.optline.subscriptions.api.SubscriptionTypeView;

import java.util.List;

/**
 * The bulk action bar of the contacts list.
 *
 * @param types         the live subscription types, the only ones contacts can be subscribed to
 * @param matchingCount how many contacts match the list's current filter
 * @param filterFields  the list's filter parameters, carried in the form so the job uses the same filter
 */
public record BulkActionsModel(List<SubscriptionTypeView> types, long matchingCount,
                               List<ContactListFilter.Field> filterFields) {

    public BulkActionsModel {
        types = List.copyOf(types);
        filterFields = List.copyOf(filterFields);
    }

    public String matchingText() {
        return BulkJobModel.number(matchingCount) + (matchingCount == 1 ? " contact" : " contacts");
    }

    /** Returns the option text of a type: its name, message type and consent type. */
    public static String label(SubscriptionTypeView type) {
        return type.defaultTranslation().name() + " (" + type.messageType().label() + ", " + type.consentType().label() + ")";
    }
}
