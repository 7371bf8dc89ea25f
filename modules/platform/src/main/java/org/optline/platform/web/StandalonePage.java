package org.optline.platform.web;

import gg.jte.Content;

import java.util.Objects;

/**
 * A complete HTML document that a module renders without the admin layout, such as the customer's
 * preference center. The app writes it unchanged and only adds its security headers.
 */
public record StandalonePage(Content document) {

    public StandalonePage {
        Objects.requireNonNull(document, "document");
    }
}
