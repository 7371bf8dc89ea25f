package org.optline.platform.web;

/** Names of the htmx request and response headers that Optline uses. */
public final class Htmx {

    /** Request header set by htmx on every request it sends. */
    public static final String REQUEST = "HX-Request";

    /** Response header that makes htmx fire a client-side event, used to refresh lists. */
    public static final String TRIGGER = "HX-Trigger";

    /** Response header that makes htmx swap the response into another element. */
    public static final String RETARGET = "HX-Retarget";

    /** Response header that overrides the swap style of the request. */
    public static final String RESWAP = "HX-Reswap";

    /** Response header that makes htmx load another page entirely. */
    public static final String REDIRECT = "HX-Redirect";

    private Htmx() {
    }
}
