package org.optline.app.web;

/**
 * The sign-in form.
 *
 * @param email the email typed before, shown again after a failure
 * @param next  the local path to return to after sign-in
 * @param error the message of the last failure, or null
 */
public record LoginModel(String email, String next, String error) {
}
