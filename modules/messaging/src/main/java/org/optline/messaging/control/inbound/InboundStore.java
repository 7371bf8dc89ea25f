package org.optline.messaging.control.inbound;

import org.optline.platform.StoredEnums;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/** Reads and writes rows of {@code sms_inbound} on a given connection. */
final class InboundStore {

    /** A stored inbound message. */
    record Row(long id, String fromNumber, String body, InboundKind kind, String keyword, String keywordLocale,
               String reviewState, Instant handledAt) {
    }

    private final Connection connection;

    InboundStore(Connection connection) {
        this.connection = connection;
    }

    /**
     * Stores a message unless one with the same provider message id is stored already, and returns the
     * stored row either way.
     */
    Row insert(String provider, String providerMessageId, String fromRaw, String fromNumber, String toNumber,
               String body, InboundKind kind, Keywords.Keyword keyword, Instant receivedAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT IGNORE INTO sms_inbound (provider, "
                + "provider_message_id, from_raw, from_number, to_number, body, received_at, handled_at, kind, keyword, "
                + "keyword_locale, review_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, provider);
            insert.setString(2, providerMessageId);
            insert.setString(3, fromRaw);
            insert.setString(4, fromNumber);
            insert.setString(5, toNumber);
            insert.setString(6, body);
            insert.setTimestamp(7, Timestamp.from(receivedAt));
            // A message from no phone number has nothing to act on, so it is handled once stored.
            insert.setTimestamp(8, fromNumber == null ? Timestamp.from(receivedAt) : null);
            insert.setString(9, kind.name());
            insert.setString(10, keyword == null ? null : keyword.word());
            insert.setString(11, keyword == null ? null : keyword.locale());
            insert.setString(12, kind == InboundKind.REVIEW ? "OPEN" : null);
            insert.executeUpdate();
        }
        return find(provider, providerMessageId).orElseThrow(() -> new SQLException("Inbound SMS " + provider + "/"
                + providerMessageId + " is missing right after it was stored"));
    }

    Optional<Row> find(String provider, String providerMessageId) throws SQLException {
        return select("provider = ? AND provider_message_id = ?", "", provider, providerMessageId);
    }

    /** Reads a row and locks it until the transaction ends. */
    Optional<Row> lock(long id) throws SQLException {
        return select("id = ?", " FOR UPDATE", id);
    }

    /** Records what the message turned out to be and marks it handled. */
    void markHandled(long id, InboundKind kind, Keywords.Keyword keyword, String reviewState, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE sms_inbound SET kind = ?, keyword = ?, "
                + "keyword_locale = ?, review_state = ?, handled_at = ? WHERE id = ?")) {
            update.setString(1, kind.name());
            update.setString(2, keyword == null ? null : keyword.word());
            update.setString(3, keyword == null ? null : keyword.locale());
            update.setString(4, reviewState);
            update.setTimestamp(5, Timestamp.from(now));
            update.setLong(6, id);
            update.executeUpdate();
        }
    }

    /** Stores the helpdesk conversation and part that a message was added to. */
    void linkConversation(long id, long conversationId, long partId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE sms_inbound SET conversation_id = ?, "
                + "conversation_part_id = ? WHERE id = ?")) {
            update.setLong(1, conversationId);
            update.setLong(2, partId);
            update.setLong(3, id);
            update.executeUpdate();
        }
    }

    /** Closes an open review; returns whether the row was OPEN. */
    boolean closeReview(long id, String state, String reviewer, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE sms_inbound SET review_state = ?, "
                + "reviewed_by = ?, reviewed_at = ? WHERE id = ? AND review_state = 'OPEN'")) {
            update.setString(1, state);
            update.setString(2, reviewer);
            update.setTimestamp(3, Timestamp.from(now));
            update.setLong(4, id);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Locks the number until the transaction ends, so that the messages of one number are handled one
     * at a time. The upsert locks the row whether it inserts it or finds it.
     */
    void lockNumber(String e164) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO sms_number_lock (phone) VALUES (?) ON DUPLICATE KEY UPDATE phone = phone")) {
            upsert.setString(1, e164);
            upsert.executeUpdate();
        }
    }

    /** Returns whether the number is blocked after an opt-out keyword or a carrier opt-out. */
    boolean blocked(String e164) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM sms_number_block WHERE phone = ?")) {
            select.setString(1, e164);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    void block(String e164, Long inboundId, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sms_number_block (phone, source, "
                + "inbound_id, blocked_at) VALUES (?, 'SMS_KEYWORD', ?, ?) ON DUPLICATE KEY UPDATE phone = phone")) {
            insert.setString(1, e164);
            if (inboundId == null) {
                insert.setNull(2, Types.BIGINT);
            } else {
                insert.setLong(2, inboundId);
            }
            insert.setTimestamp(3, Timestamp.from(now));
            insert.executeUpdate();
        }
    }

    void unblock(String e164) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sms_number_block WHERE phone = ?")) {
            delete.setString(1, e164);
            delete.executeUpdate();
        }
    }

    private Optional<Row> select(String condition, String suffix, Object... parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, from_number, body, kind, keyword, "
                + "keyword_locale, review_state, handled_at FROM sms_inbound WHERE " + condition + suffix)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Timestamp handled = row.getTimestamp(8);
                return Optional.of(new Row(row.getLong(1), row.getString(2), row.getString(3),
                        StoredEnums.require(InboundKind.class, row.getString(4), "sms_inbound.kind"), row.getString(5),
                        row.getString(6), row.getString(7),
                        handled == null ? null : handled.toInstant()));
            }
        }
    }
}
