package org.optline.access.api;

/** Names of the HTTP session attributes that the access module and the app's security share. */
public final class SessionAttributes {

    /**
     * The {@link java.time.Instant} at which the session signed in, or last changed its own password.
     * A session that signed in before its account's password changed is ended.
     */
    public static final String SIGNED_IN_AT = "optline.signedInAt";

    private SessionAttributes() {
    }
}
