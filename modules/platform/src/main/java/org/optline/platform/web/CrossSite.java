package org.optline.platform.web;

/**
 * The request attribute by which the app's CSRF filter marks a cross-site request that it passes on to
 * a resource that rejects it with its own page, such as the customer's preference center.
 */
public final class CrossSite {

    /** Set to {@code Boolean.TRUE} on a state-changing request that came from another site. */
    public static final String REQUEST_ATTRIBUTE = "org.optline.cross-site";

    private CrossSite() {
    }
}
