package org.optline.helpdesk.boundary;

import gg.jte.Content;
import org.optline.helpdesk.api.PartView;

import java.util.List;

/**
 * A part as the conversation page shows it.
 *
 * @param appViews what each installed app of the part's type renders for it. The list is empty for
 *                 other kinds and for app parts whose app is not installed.
 */
public record PartModel(PartView part, List<Content> appViews) {

    public PartModel {
        appViews = List.copyOf(appViews);
    }
}
