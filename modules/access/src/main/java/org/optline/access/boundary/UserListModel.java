package org.optline.access.boundary;

import org.optline.access.api.AccountView;

import java.time.Instant;
import java.util.List;

/**
 * The account list of the users page.
 *
 * @param accounts     every account, ordered by email
 * @param signedInEmail the email of the admin who views the page, whose own row offers no disable or role change
 * @param now          the instant against which lockouts are checked
 */
public record UserListModel(List<AccountView> accounts, String signedInEmail, Instant now) {

    public boolean isSignedIn(AccountView account) {
        return account.email().equals(signedInEmail);
    }

    public boolean isLocked(AccountView account) {
        return account.lockedUntil() != null && account.lockedUntil().isAfter(now);
    }
}
