package org.optline.access.api;

import java.time.Instant;

/** An API token as the token page lists it: never its value, only the last characters as a hint. */
public record TokenView(long id, String name, String hint, String createdBy, Instant createdAt,
                        Instant lastUsedAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
