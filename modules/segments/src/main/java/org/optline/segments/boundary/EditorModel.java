package org.optline.segments.boundary;

import org.optline.subscriptions.api.SubscriptionTypeView;

import java.util.List;

/**
 * The segment editor: a new segment when {@code id} is null, else an existing one at {@code version}.
 *
 * @param conditions the conditions as Intercom's search query JSON, or empty for every contact
 * @param count      the contacts that match the conditions now
 * @param smsTypes   the live SMS types an audience preview can be made for
 */
public record EditorModel(Long id, String name, String conditions, long version, long count,
                          List<SubscriptionTypeView> smsTypes) {

    public EditorModel {
        smsTypes = List.copyOf(smsTypes);
    }

    public boolean isNew() {
        return id == null;
    }

    public String action() {
        return isNew() ? "/admin/segments" : "/admin/segments/" + id;
    }
}
