package org.optline.app.web;

/**
 * What the shared layout shows around a page besides the page itself.
 *
 * @param csrfToken the token htmx sends with every request from the page
 * @param userEmail the signed-in account, or null on the sign-in page
 * @param admin     whether the account has the ADMIN role, which shows the admin navigation
 */
public record LayoutModel(String csrfToken, String userEmail, boolean admin) {

    public static final String HTMX_PATH = "/webjars/htmx.org/" + Assets.HTMX_VERSION + "/dist/htmx.min.js";
    public static final String BOOTSTRAP_CSS = "/webjars/bootstrap/" + Assets.BOOTSTRAP_VERSION + "/css/bootstrap.min.css";
    public static final String BOOTSTRAP_JS = "/webjars/bootstrap/" + Assets.BOOTSTRAP_VERSION + "/js/bootstrap.bundle.min.js";

    /**
     * The htmx settings: no inline indicator styles and no eval, both forbidden by the content
     * security policy; error responses are swapped too, because they carry the alert to show.
     */
    public static final String HTMX_CONFIG = "{\"includeIndicatorStyles\":false,\"allowEval\":false,"
            + "\"allowScriptTags\":false,\"selfRequestsOnly\":true,\"responseHandling\":["
            + "{\"code\":\"204\",\"swap\":false},{\"code\":\"[23]..\",\"swap\":true},"
            + "{\"code\":\"[45]..\",\"swap\":true,\"error\":true}]}";

    public boolean signedIn() {
        return userEmail != null;
    }

    /** Returns the value of the layout's {@code hx-headers} attribute. */
    public String htmxHeaders() {
        return "{\"X-CSRF-Token\":\"" + csrfToken + "\"}";
    }
}
