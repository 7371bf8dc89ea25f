package org.optline.platform.web;

import gg.jte.Content;

import java.util.Objects;

/**
 * A whole admin or agent page: its title, the navigation section to highlight, and its body.
 *
 * @param title   the text of the title element and the page heading
 * @param section the navigation entry that is marked current, one of the app's section names
 * @param body    the content rendered inside the layout
 */
public record Page(String title, String section, Content body) {

    public Page {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(body, "body");
    }
}
