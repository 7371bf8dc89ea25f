package org.optline.subscriptions.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stores and looks up preference center links in the {@code preference_link} table. */
public final class PreferenceLinkRows {

    private static final int ROWS_PER_INSERT = 1_000;

    private final Connection connection;

    public PreferenceLinkRows(Connection connection) {
        this.connection = connection;
    }

    /**
     * Inserts one link per entry of {@code tokensByContact}, up to {@value #ROWS_PER_INSERT} rows per
     * statement. The driver sends a batch of client-side prepared inserts as one statement per row,
     * which cost a send of 1,000,000 messages a round trip per message.
     */
    public void insert(Map<Long, String> tokensByContact, Instant createdAt, Instant expiresAt) throws SQLException {
        List<Map.Entry<Long, String>> links = List.copyOf(tokensByContact.entrySet());
        Timestamp created = Timestamp.from(createdAt);
        Timestamp expires = Timestamp.from(expiresAt);
        for (int from = 0; from < links.size(); from += ROWS_PER_INSERT) {
            List<Map.Entry<Long, String>> chunk = links.subList(from, Math.min(links.size(), from + ROWS_PER_INSERT));
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO preference_link (token_hash, "
                    + "contact_id, created_at, expires_at) VALUES " + String.join(",", Collections.nCopies(chunk.size(),
                    "(?, ?, ?, ?)")))) {
                int index = 1;
                for (Map.Entry<Long, String> link : chunk) {
                    insert.setBytes(index++, PreferenceLinkTokens.hash(link.getValue()));
                    insert.setLong(index++, link.getKey());
                    insert.setTimestamp(index++, created);
                    insert.setTimestamp(index++, expires);
                }
                insert.executeUpdate();
            }
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
