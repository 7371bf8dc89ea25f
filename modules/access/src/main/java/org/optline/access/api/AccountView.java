package org.optline.access.api;

import java.time.Instant;

/**
 * An account as other modules and pages see it, without its password hash.
 *
 * @param passwordChangedAt when the password was last set; sessions signed in before it are ended
 */
public record AccountView(long id, String email, String displayName, Role role, boolean disabled,
                          Instant lockedUntil, Instant createdAt, Instant passwordChangedAt) {
}
