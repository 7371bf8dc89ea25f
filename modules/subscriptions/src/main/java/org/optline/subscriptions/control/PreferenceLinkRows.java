package org.optline.subscriptions.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Stores and looks up preference center links in the {@code preference_link} table. */
public final class PreferenceLinkRows {

    private final Connection connection;

    public PreferenceLinkRows(Connection connection) {
        this.connection = connection;
    }

    /** Inserts one link per entry of {@code tokensByContact}, in one batch. */
    public void insert(Map<Long, String> tokensByContact, Instant createdAt, Instant expiresAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO preference_link (token_hash, contact_id, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<Long, String> link : tokensByContact.entrySet()) {
                insert.setBytes(1, PreferenceLinkTokens.hash(link.getValue()));
                insert.setLong(2, link.getKey());
                insert.setTimestamp(3, Timestamp.from(createdAt));
                insert.setTimestamp(4, Timestamp.from(expiresAt));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Returns the contact of an unexpired link with this token whose contact is not deleted. A wrong, altered
     * and expired token all run the same single indexed query and return empty.
     */
    public Optional<Long> contactOf(String token, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT l.contact_id FROM preference_link l "
                + "JOIN contact c ON c.id = l.contact_id AND c.deleted_at IS NULL "
                + "WHERE l.token_hash = ? AND l.expires_at > ?")) {
            select.setBytes(1, PreferenceLinkTokens.hash(token));
            select.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }
}
