package org.optline.messaging.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Inserts and reads sends, and writes their recipients as the audience is listed. */
public final class SendRows {

    private static final String COLUMNS = "id, subscription_type_id, segment_id, body, created_by, created_at, "
            + "scheduled_at, state, recipient_count, started_at, finished_at";

    /** Sends that an instance may start or continue listing recipients for. */
    private static final String LISTABLE = "((state = 'SCHEDULED' AND scheduled_at <= UTC_TIMESTAMP(6)) OR (state = 'LISTING' "
            + "AND (lease_expires_at IS NULL OR lease_expires_at < UTC_TIMESTAMP(6))))";

    private final Connection connection;

    public SendRows(Connection connection) {
        this.connection = connection;
    }

    public long insert(long typeId, Long segmentId, String body, String createdBy, Instant createdAt, Instant scheduledAt)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sms_send (subscription_type_id, "
                + "segment_id, body, created_by, created_at, scheduled_at, state) VALUES (?, ?, ?, ?, ?, ?, 'SCHEDULED')",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, typeId);
            insert.setObject(2, segmentId);
            insert.setString(3, body);
            insert.setString(4, createdBy);
            insert.setTimestamp(5, Timestamp.from(createdAt));
            insert.setTimestamp(6, Timestamp.from(scheduledAt));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    public Optional<SendView> find(long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM sms_send WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(view(row)) : Optional.empty();
            }
        }
    }

    /** Returns the newest sends first. */
    public List<SendView> recent(int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM sms_send ORDER BY id DESC LIMIT ?")) {
            select.setInt(1, limit);
            List<SendView> sends = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    sends.add(view(row));
                }
            }
            return sends;
        }
    }

    public SendProgress progress(long sendId) throws SQLException {
        Map<String, Long> byState = new LinkedHashMap<>();
        Map<String, Long> byReason = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT state, reason, COUNT(*) FROM sms_recipient "
                + "WHERE send_id = ? GROUP BY state, reason ORDER BY state, reason")) {
            select.setLong(1, sendId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String state = row.getString(1);
                    long count = row.getLong(3);
                    byState.merge(state, count, Long::sum);
                    if (row.getString(2) != null) {
                        byReason.merge(state + "/" + row.getString(2), count, Long::sum);
                    }
                }
            }
        }
        return new SendProgress(byState, byReason);
    }

    /**
     * Claims the oldest send that is due for listing its recipients, or whose lister's lease expired,
     * and returns it. Two instances claiming at once cannot both win, because the claim is a
     * conditional UPDATE.
     */
    public Optional<SendView> claimForListing(String owner, int leaseSeconds, Instant now) throws SQLException {
        List<Long> candidates = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM sms_send WHERE " + LISTABLE + " ORDER BY id LIMIT 10");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                candidates.add(row.getLong(1));
            }
        }
        for (long id : candidates) {
            try (PreparedStatement claim = connection.prepareStatement("UPDATE sms_send SET state = 'LISTING', "
                    + "lease_owner = ?, lease_expires_at = UTC_TIMESTAMP(6) + INTERVAL ? SECOND, "
                    + "started_at = COALESCE(started_at, ?), version = version + 1 WHERE id = ? AND " + LISTABLE)) {
                claim.setString(1, owner);
                claim.setInt(2, leaseSeconds);
                claim.setTimestamp(3, Timestamp.from(now));
                claim.setLong(4, id);
                if (claim.executeUpdate() == 1) {
                    return find(id);
                }
            }
        }
        return Optional.empty();
    }

    /** Returns where listing continues: the last contact id written as a recipient of the send. */
    public long listedAfter(long sendId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT listed_after FROM sms_send WHERE id = ?")) {
            select.setLong(1, sendId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    /**
     * Writes one page of recipients and moves the listing on, in one transaction, only while
     * {@code owner} holds the lease. With {@code last}, the send moves on to SENDING.
     *
     * @return whether the owner still held the lease; nothing is written otherwise
     */
    public boolean addRecipients(long sendId, String owner, int leaseSeconds, List<Long> contactIds, boolean last,
                                 Instant now) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            Timestamp scheduledAt;
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT scheduled_at FROM sms_send WHERE id = ? AND lease_owner = ? AND state = 'LISTING' FOR UPDATE")) {
                lock.setLong(1, sendId);
                lock.setString(2, owner);
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        connection.rollback();
                        return false;
                    }
                    scheduledAt = row.getTimestamp(1);
                }
            }
            int inserted = insertRecipients(sendId, contactIds, scheduledAt, now);
            try (PreparedStatement update = connection.prepareStatement("UPDATE sms_send SET listed_after = ?, "
                    + "recipient_count = recipient_count + ?, state = ?, lease_owner = ?, "
                    + "lease_expires_at = IF(? = 'SENDING', NULL, UTC_TIMESTAMP(6) + INTERVAL ? SECOND), "
                    + "version = version + 1 WHERE id = ?")) {
                String state = last ? "SENDING" : "LISTING";
                update.setLong(1, contactIds.isEmpty() ? listedAfter(sendId) : contactIds.getLast());
                update.setInt(2, inserted);
                update.setString(3, state);
                update.setString(4, last ? null : owner);
                update.setString(5, state);
                update.setInt(6, leaseSeconds);
                update.setLong(7, sendId);
                update.executeUpdate();
            }
            connection.commit();
            return true;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Inserts the recipients of one page, due at the send's scheduled time rather than at the listing
     * instance's clock. Every first attempt of a send then has one due time, so workers claim them in
     * contact id order, whichever instance listed which page.
     */
    private int insertRecipients(long sendId, List<Long> contactIds, Timestamp scheduledAt, Instant now)
            throws SQLException {
        if (contactIds.isEmpty()) {
            return 0;
        }
        String values = String.join(",", Collections.nCopies(contactIds.size(), "(?, ?, ?, ?, ?)"));
        // IGNORE: a page written again after a lost lease adds no second row for a contact.
        try (PreparedStatement insert = connection.prepareStatement("INSERT IGNORE INTO sms_recipient (send_id, "
                + "contact_id, not_before, idempotency_key, updated_at) VALUES " + values)) {
            int index = 1;
            Timestamp time = Timestamp.from(now);
            for (long contactId : contactIds) {
                insert.setLong(index++, sendId);
                insert.setLong(index++, contactId);
                insert.setTimestamp(index++, scheduledAt);
                insert.setString(index++, "optline-sms-" + sendId + "-" + contactId);
                insert.setTimestamp(index++, time);
            }
            return insert.executeUpdate();
        }
    }

    /** Marks every SENDING send without open recipients DONE, and returns their ids. */
    public List<Long> finishDone(Instant now) throws SQLException {
        List<Long> done = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT s.id FROM sms_send s WHERE s.state = 'SENDING' "
                + "AND NOT EXISTS (SELECT 1 FROM sms_recipient r WHERE r.send_id = s.id "
                + "AND r.state IN ('PENDING', 'SENDING', 'HELD'))");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                done.add(row.getLong(1));
            }
        }
        List<Long> finished = new ArrayList<>();
        for (long id : done) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sms_send SET state = 'DONE', "
                    + "finished_at = ?, version = version + 1 WHERE id = ? AND state = 'SENDING'")) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setLong(2, id);
                if (update.executeUpdate() == 1) {
                    finished.add(id);
                }
            }
        }
        return finished;
    }

    private static SendView view(ResultSet row) throws SQLException {
        long segment = row.getLong("segment_id");
        Long segmentId = row.wasNull() ? null : segment;
        // SQL compares the state ignoring case and trailing spaces, so the Java checks of it get the same spelling.
        String state = row.getString("state").stripTrailing().toUpperCase(Locale.ROOT);
        return new SendView(row.getLong("id"), row.getLong("subscription_type_id"), segmentId, row.getString("body"),
                row.getString("created_by"), instant(row, "created_at"), instant(row, "scheduled_at"),
                state, row.getInt("recipient_count"), instant(row, "started_at"), instant(row, "finished_at"));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
