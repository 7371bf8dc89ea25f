package org.optline.access.api;

/**
 * The outcome of a sign-in attempt. Callers show the same message for every failure, so that the
 * sign-in page does not reveal which emails have accounts or which accounts are locked.
 */
public sealed interface SignInResult {

    /** The password matched an active, unlocked account. */
    record Accepted(AccountView account) implements SignInResult {
    }

    /** The email is unknown, the password is wrong, or the account is disabled or locked. */
    /** @param accountId the account the email belongs to, for the log, or null for an unknown email */
    record Rejected(Reason reason, Long accountId) implements SignInResult {
    }

    /** Why a sign-in failed, for the log only. */
    enum Reason { UNKNOWN_EMAIL, WRONG_PASSWORD, LOCKED, DISABLED }
}
