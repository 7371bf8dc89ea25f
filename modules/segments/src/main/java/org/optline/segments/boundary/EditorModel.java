package org.optline.segments.boundary;

import org.optline.contacts.api.ContactFilterOptions;
import org.optline.subscriptions.api.SubscriptionTypeView;

import java.util.List;

/**
 * The segment editor: a new segment when {@code id} is null, else an existing one at {@code version}.
 *
 * @param conditions the conditions as Intercom's search query JSON, or empty for every contact
 * @param count      the contacts that match the conditions now
 * @param smsTypes   the live SMS types an audience preview can be made for
 * @param filters    the contacts list's filters of other modules, such as opt-in state per type, whose
 *                   fields the conditions may use
 */
public record EditorModel(Long id, String name, String conditions, long version, long count,
                          List<SubscriptionTypeView> smsTypes, List<ContactFilterOptions.Filter> filters) {

    public EditorModel {
        smsTypes = List.copyOf(smsTypes);
        filters = List.copyOf(filters);
    }

    public boolean isNew() {
        return id == null;
    }

    public String action() {
        return isNew() ? "/admin/segments" : "/admin/segments/" + id;
    }
}
