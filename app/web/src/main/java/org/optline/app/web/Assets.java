package org.optline.app.web;

/** Versions of the webjars whose files the layout links to; they must match the pom. */
final class Assets {

    static final String HTMX_VERSION = "2.0.10";
    static final String BOOTSTRAP_VERSION = "5.3.8";

    private Assets() {
    }
}
