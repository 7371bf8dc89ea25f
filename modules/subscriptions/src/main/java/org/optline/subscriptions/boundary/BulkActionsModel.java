package org.optline.subscriptions.boundary;

import org.optline.subscriptions.api.SubscriptionTypeView;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The bulk action bar of the contacts list.
 *
 * @param types     the live subscription types, the only ones contacts can be subscribed to
 * @param selection the ticked and the matching contacts when the bar loaded. The bar reloads this part.
 */
public record BulkActionsModel(List<SubscriptionTypeView> types, BulkSelectionModel selection) {

    public BulkActionsModel {
        types = List.copyOf(types);
        Objects.requireNonNull(selection, "selection");
    }

    /** Returns the option text of a type: its name, message type and consent type, such as "Deals (SMS, opt-in)". */
    public static String label(SubscriptionTypeView type) {
        return type.defaultTranslation().name() + " (" + type.messageType().label() + ", "
                + type.consentType().label().toLowerCase(Locale.ROOT) + ")";
    }
}
