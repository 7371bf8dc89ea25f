package org.optline.optinform.api;

/** Names of the opt-in form app that other modules may refer to. */
public final class OptInFormApp {

    /** The app type of its conversation parts. */
    public static final String TYPE = "optin_form";

    private OptInFormApp() {
    }
}
