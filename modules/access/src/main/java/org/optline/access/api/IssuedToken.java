package org.optline.access.api;

/**
 * A token that was just created. Its {@code value} exists only here: Optline stores its hash, so
 * the value is shown to the admin once and cannot be shown again.
 */
public record IssuedToken(TokenView token, String value) {

    @Override
    public String toString() {
        return "IssuedToken[" + token + ", value=(hidden)]";
    }
}
