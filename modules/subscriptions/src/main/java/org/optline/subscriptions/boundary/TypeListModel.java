package org.optline.subscriptions.boundary;

import org.optline.subscriptions.api.State;
import org.optline.subscriptions.api.SubscriptionTypeView;

import java.util.List;

/** The subscription types page: all types grouped by state, live first. */
public record TypeListModel(List<SubscriptionTypeView> live, List<SubscriptionTypeView> drafts,
                            List<SubscriptionTypeView> archived) {

    static TypeListModel of(List<SubscriptionTypeView> types) {
        return new TypeListModel(
                types.stream().filter(t -> t.state() == State.LIVE).toList(),
                types.stream().filter(t -> t.state() == State.DRAFT).toList(),
                types.stream().filter(t -> t.state() == State.ARCHIVED).toList());
    }
}
