package org.optline.subscriptions.control;

import org.optline.subscriptions.api.ConsentRequest;
import org.optline.subscriptions.api.Evidence;
import org.optline.subscriptions.api.ShownText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@code consent_pending}: opt-ins of double opt-in types that wait for the customer's
 * YES. A contact has at most one PENDING row per type, because every write of a contact's rows happens
 * while its consent chain head is locked (see {@link LedgerWriter}) or under the rows' own lock.
 *
 * <p>A row past its {@code expires_at} is never confirmed. A request, a confirmation or an opt-out of
 * the same contact and type marks it EXPIRED. Read-only queries skip it without marking it.
 */
public final class PendingRows {

    /** How long a request waits for the YES. */
    public static final Duration LIFETIME = Duration.ofDays(30);

    private static final String EVIDENCE_COLUMNS = "source, actor_kind, actor_id, ip_address, user_agent, "
            + "conversation_id, message_id, consent_text_id";

    private final Connection connection;

    public PendingRows(Connection connection) {
        this.connection = connection;
    }

    /**
     * A request written or refreshed by {@link #request}.
     *
     * @param queueConfirmation whether a confirmation text is due: none was asked for in the resend window,
     *                          or the number changed
     */
    public record Requested(long id, Instant expiresAt, boolean queueConfirmation) {
    }

    /**
     * A live pending opt-in with the evidence of its request.
     *
     * @param evidence the request's evidence, with the shown text read back from consent_text
     */
    public record Waiting(long id, long contactId, long subscriptionTypeId, String phone, Instant expiresAt,
                          Evidence evidence) {
    }

    /**
     * Stores a pending opt-in for the request, or refreshes the contact's live one: the new evidence and a
     * new lifetime of {@link #LIFETIME}. A confirmation is due unless one was asked for less than
     * {@code resendWindow} ago for the same number.
     */
    Requested request(ConsentRequest request, String phone, Long shownTextId, Instant now, Duration resendWindow)
            throws SQLException {
        Instant expiresAt = now.plus(LIFETIME);
        Long liveId = null;
        String livePhone = null;
        Instant lastConfirmation = null;
        try (PreparedStatement select = connection.prepareStatement("SELECT id, phone, expires_at, confirmation_sent_at "
                + "FROM consent_pending WHERE contact_id = ? AND subscription_type_id = ? AND state = 'PENDING' FOR UPDATE")) {
            select.setLong(1, request.contactId());
            select.setLong(2, request.subscriptionTypeId());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (rows.getTimestamp(3).toInstant().isAfter(now) && liveId == null) {
                        liveId = rows.getLong(1);
                        livePhone = rows.getString(2);
                        Timestamp sent = rows.getTimestamp(4);
                        lastConfirmation = sent == null ? null : sent.toInstant();
                    }
                }
            }
        }
        expire(request.contactId(), request.subscriptionTypeId(), now);

        boolean queue = liveId == null || lastConfirmation == null || !phone.equals(livePhone)
                || !lastConfirmation.isAfter(now.minus(resendWindow));
        Instant confirmationAt = queue ? now : lastConfirmation;
        if (liveId == null) {
            return new Requested(insert(request, phone, shownTextId, now, expiresAt), expiresAt, true);
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE consent_pending SET phone = ?, "
                + "requested_at = ?, expires_at = ?, confirmation_sent_at = ?, source = ?, actor_kind = ?, actor_id = ?, "
                + "ip_address = ?, user_agent = ?, conversation_id = ?, message_id = ?, consent_text_id = ? WHERE id = ?")) {
            update.setString(1, phone);
            update.setTimestamp(2, Timestamp.from(now));
            update.setTimestamp(3, Timestamp.from(expiresAt));
            update.setTimestamp(4, Timestamp.from(confirmationAt));
            bindEvidence(update, 5, request, shownTextId);
            update.setLong(13, liveId);
            update.executeUpdate();
        }
        return new Requested(liveId, expiresAt, queue);
    }

    private long insert(ConsentRequest request, String phone, Long shownTextId, Instant now, Instant expiresAt)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO consent_pending (contact_id, "
                + "subscription_type_id, phone, state, requested_at, expires_at, confirmation_sent_at, " + EVIDENCE_COLUMNS
                + ") VALUES (?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, request.contactId());
            insert.setLong(2, request.subscriptionTypeId());
            insert.setString(3, phone);
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setTimestamp(5, Timestamp.from(expiresAt));
            insert.setTimestamp(6, Timestamp.from(now));
            bindEvidence(insert, 7, request, shownTextId);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (keys.next()) {
                    return keys.getLong(1);
                }
            }
        }
        throw new SQLException("consent_pending has no id after its insert for contact " + request.contactId());
    }

    private static void bindEvidence(PreparedStatement statement, int first, ConsentRequest request, Long shownTextId)
            throws SQLException {
        Evidence evidence = request.evidence();
        int index = first;
        statement.setString(index++, request.source().name());
        statement.setString(index++, request.actorKind().name());
        statement.setString(index++, request.actorId());
        statement.setString(index++, evidence.ipAddress());
        statement.setString(index++, LedgerWriter.userAgent(evidence.userAgent()));
        setLong(statement, index++, evidence.conversationId());
        setLong(statement, index++, evidence.messageId());
        setLong(statement, index, shownTextId);
    }

    /** Marks the contact's PENDING rows for the type CANCELLED, as its opt-out does, and returns how many. */
    int cancel(long contactId, long subscriptionTypeId, Instant now) throws SQLException {
        expire(contactId, subscriptionTypeId, now);
        try (PreparedStatement update = connection.prepareStatement("UPDATE consent_pending SET state = 'CANCELLED', "
                + "resolved_at = ? WHERE contact_id = ? AND subscription_type_id = ? AND state = 'PENDING'")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setLong(2, contactId);
            update.setLong(3, subscriptionTypeId);
            return update.executeUpdate();
        }
    }

    private void expire(long contactId, long subscriptionTypeId, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE consent_pending SET state = 'EXPIRED', "
                + "resolved_at = ? WHERE contact_id = ? AND subscription_type_id = ? AND state = 'PENDING' "
                + "AND expires_at <= ?")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setLong(2, contactId);
            update.setLong(3, subscriptionTypeId);
            update.setTimestamp(4, Timestamp.from(now));
            update.executeUpdate();
        }
    }

    /**
     * Locks the PENDING rows of a number, marks those past their lifetime EXPIRED, and returns the others,
     * oldest first.
     */
    public List<Waiting> lockWaiting(String phone, Instant now) throws SQLException {
        List<Waiting> waiting = new ArrayList<>();
        Map<Long, Long> textIds = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, contact_id, subscription_type_id, phone, "
                + "expires_at, " + EVIDENCE_COLUMNS + " FROM consent_pending WHERE phone = ? AND state = 'PENDING' "
                + "ORDER BY id FOR UPDATE")) {
            select.setString(1, phone);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Instant expiresAt = rows.getTimestamp(5).toInstant();
                    if (!expiresAt.isAfter(now)) {
                        continue;
                    }
                    long id = rows.getLong(1);
                    long textId = rows.getLong(13);
                    if (!rows.wasNull()) {
                        textIds.put(id, textId);
                    }
                    Evidence evidence = new Evidence(rows.getString(9), rows.getString(10), nullableLong(rows, 11),
                            nullableLong(rows, 12), null);
                    waiting.add(new Waiting(id, rows.getLong(2), rows.getLong(3), rows.getString(4), expiresAt, evidence));
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE consent_pending SET state = 'EXPIRED', "
                + "resolved_at = ? WHERE phone = ? AND state = 'PENDING' AND expires_at <= ?")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, phone);
            update.setTimestamp(3, Timestamp.from(now));
            update.executeUpdate();
        }
        List<Waiting> withTexts = new ArrayList<>();
        for (Waiting row : waiting) {
            Long textId = textIds.get(row.id());
            ShownText shown = textId == null ? null : shownText(textId);
            Evidence evidence = row.evidence();
            withTexts.add(new Waiting(row.id(), row.contactId(), row.subscriptionTypeId(), row.phone(), row.expiresAt(),
                    new Evidence(evidence.ipAddress(), evidence.userAgent(), evidence.conversationId(),
                            evidence.messageId(), shown)));
        }
        return withTexts;
    }

    private ShownText shownText(long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT locale, title, button, legal_text "
                + "FROM consent_text WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("consent_text " + id + " of a pending opt-in is missing");
                }
                return new ShownText(row.getString(1), row.getString(2), row.getString(3), row.getString(4));
            }
        }
    }

    /**
     * Marks a row as resolved: CONFIRMED with the opt-in event it led to (null when the contact was opted in
     * already), or CANCELLED.
     */
    public void resolve(long id, String state, Integer confirmedEventSeq, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE consent_pending SET state = ?, "
                + "resolved_at = ?, confirmed_event_seq = ? WHERE id = ? AND state = 'PENDING'")) {
            update.setString(1, state);
            update.setTimestamp(2, Timestamp.from(now));
            if (confirmedEventSeq == null) {
                update.setNull(3, Types.INTEGER);
            } else {
                update.setInt(3, confirmedEventSeq);
            }
            update.setLong(4, id);
            update.executeUpdate();
        }
    }

    /** Returns whether a number has a pending opt-in that a YES could still confirm. */
    public boolean anyWaiting(String phone, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM consent_pending "
                + "WHERE phone = ? AND state = 'PENDING' AND expires_at > ? LIMIT 1")) {
            select.setString(1, phone);
            select.setTimestamp(2, Timestamp.from(now));
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Returns when each of a contact's pending opt-ins lapses, by subscription type id, without expired ones. */
    public Map<Long, Instant> waitingOf(long contactId, Instant now) throws SQLException {
        Map<Long, Instant> waiting = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT subscription_type_id, expires_at "
                + "FROM consent_pending WHERE contact_id = ? AND state = 'PENDING' AND expires_at > ?")) {
            select.setLong(1, contactId);
            select.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    waiting.put(rows.getLong(1), rows.getTimestamp(2).toInstant());
                }
            }
        }
        return waiting;
    }

    private static Long nullableLong(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
