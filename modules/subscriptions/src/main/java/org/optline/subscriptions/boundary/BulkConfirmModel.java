package org.optline.subscriptions.boundary;

import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ContactSelection;
import org.optline.subscriptions.api.NewBulkJob;
import org.optline.subscriptions.api.SubscriptionTypeView;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The confirmation step of a bulk action: what will happen to how many contacts, and a form that
 * carries exactly the confirmed request, so that later changes to the action bar change nothing.
 *
 * @param contactIds       the selected contacts, for a listed selection; empty otherwise
 * @param filterParameters the list's filter parameters, for a matching selection; empty otherwise
 */
public record BulkConfirmModel(ConsentAction action, SubscriptionTypeView type, boolean matching, long count,
                               String overrideReason, List<Long> contactIds, Map<String, String> filterParameters) {

    public BulkConfirmModel {
        contactIds = List.copyOf(contactIds);
        filterParameters = Collections.unmodifiableMap(new LinkedHashMap<>(filterParameters));
    }

    /** Returns the model of {@code request}, with {@code filterParameters} from the contacts list's filter. */
    static BulkConfirmModel of(NewBulkJob request, SubscriptionTypeView type, long count, Map<String, String> filterParameters) {
        List<Long> ids = request.selection() instanceof ContactSelection.Listed listed ? listed.contactIds() : List.of();
        boolean matching = request.selection() instanceof ContactSelection.Matching;
        String reason = request.overrideReason() == null || request.overrideReason().isBlank() ? null
                : request.overrideReason().strip();
        return new BulkConfirmModel(request.action(), type, matching, count, reason, ids,
                matching ? filterParameters : Map.of());
    }

    public boolean subscribing() {
        return action == ConsentAction.OPT_IN;
    }

    /** Returns the value of the form's action field. */
    public String actionValue() {
        return subscribing() ? "opt_in" : "opt_out";
    }

    /** Returns the question the admin confirms, such as "Unsubscribe 3,000 contacts from “Deals”?". */
    public String question() {
        return (subscribing() ? "Subscribe " : "Unsubscribe ") + countText() + (subscribing() ? " to " : " from ")
                + "\u201C" + type.defaultTranslation().name() + "\u201D?";
    }

    public String countText() {
        String contacts = BulkJobModel.number(count) + (count == 1 ? " contact" : " contacts");
        return matching ? "all " + contacts + " that match the current filter" : contacts;
    }

    public String buttonText() {
        return (subscribing() ? "Subscribe " : "Unsubscribe ") + BulkJobModel.number(count)
                + (count == 1 ? " contact" : " contacts");
    }
}
