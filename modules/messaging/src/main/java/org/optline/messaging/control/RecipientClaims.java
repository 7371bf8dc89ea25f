package org.optline.messaging.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Claims recipients for sending and records what became of them, so that each recipient row is worked
 * on by one instance at a time. A claim is a lease in database time: the row moves to SENDING with the
 * owner's name and an expiry. Every outcome is written only while the row is SENDING under the same
 * owner, so an instance that lost its claim cannot overwrite the outcome of the instance that took over.
 */
public final class RecipientClaims {

    private final Connection connection;

    public RecipientClaims(Connection connection) {
        this.connection = connection;
    }

    /**
     * A recipient claimed for sending.
     *
     * @param inDoubt whether the row was SENDING under an expired lease after its gateway call had
     *                started, so that the message may or may not have gone out
     */
    public record Claimed(long sendId, long contactId, String idempotencyKey, int attempts, boolean inDoubt) {
    }

    /**
     * Claims up to {@code limit} recipients of the given sends: first those whose instance died while
     * sending, then those that are due, send by send: rows released from quiet hours, due retries, and
     * then first attempts in contact id order. Rows another transaction has locked are skipped, so
     * concurrent instances claim different rows without waiting for each other.
     */
    public List<Claimed> claim(List<Long> sendIds, String owner, int leaseSeconds, int limit) throws SQLException {
        if (sendIds.isEmpty()) {
            return List.of();
        }
        String sends = String.join(",", Collections.nCopies(sendIds.size(), "?"));
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            List<Claimed> claimed = new ArrayList<>(select("state = 'SENDING' AND lease_expires_at < UTC_TIMESTAMP(6)",
                    sends, sendIds, limit));
            for (long sendId : sendIds) {
                if (claimed.size() >= limit) {
                    break;
                }
                // Rows released from quiet hours and due retries belong to contacts that were checked
                // before the first attempts still waiting, so they go first. A held contact thus keeps its
                // number against a later contact of the same number, and a retry waits only its backoff.
                // First attempts carry the send's scheduled time, so they go in contact id order.
                Timestamp scheduled = scheduledAt(sendId);
                claimed.addAll(selectDue(sendId, "HELD", "", null, limit - claimed.size()));
                if (claimed.size() < limit) {
                    claimed.addAll(selectDue(sendId, "PENDING", " AND not_before > ?", scheduled, limit - claimed.size()));
                }
                if (claimed.size() < limit) {
                    claimed.addAll(selectDue(sendId, "PENDING", " AND not_before <= ?", scheduled, limit - claimed.size()));
                }
            }
            // The gateway call stamp stays: a row in doubt keeps it until its outcome is written, so that
            // an instance taking the row over after this one died also finds it in doubt.
            for (Map.Entry<Long, List<Long>> send : bySend(claimed).entrySet()) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE sms_recipient SET state = 'SENDING', "
                        + "lease_owner = ?, lease_expires_at = UTC_TIMESTAMP(6) + INTERVAL ? SECOND, "
                        + "updated_at = UTC_TIMESTAMP(6) WHERE send_id = ? AND contact_id IN (" + marks(send.getValue()) + ")")) {
                    update.setString(1, owner);
                    update.setInt(2, leaseSeconds);
                    update.setLong(3, send.getKey());
                    bindIds(update, 4, send.getValue());
                    update.executeUpdate();
                }
            }
            connection.commit();
            return claimed;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Selects and locks the first due rows of one send in one state that also meet {@code condition}
     * with {@code bound}, in the order of {@code ix_sms_recipient_claim}: by due time, then contact id.
     * The range ends at the current time, so rows that wait for quiet hours or a retry are not read.
     */
    private List<Claimed> selectDue(long sendId, String state, String condition, Timestamp bound, int limit)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT send_id, contact_id, idempotency_key, attempts, "
                + "FALSE FROM sms_recipient FORCE INDEX (ix_sms_recipient_claim) "
                + "WHERE send_id = ? AND state = ? AND not_before <= UTC_TIMESTAMP(6)" + condition
                + " ORDER BY not_before, contact_id LIMIT ? FOR UPDATE SKIP LOCKED")) {
            int index = 1;
            select.setLong(index++, sendId);
            select.setString(index++, state);
            if (bound != null) {
                select.setTimestamp(index++, bound);
            }
            select.setInt(index, limit);
            return claimedRows(select);
        }
    }

    /** Returns the time a send was scheduled for, which its recipients' first attempts carry as their due time. */
    private Timestamp scheduledAt(long sendId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT scheduled_at FROM sms_send WHERE id = ?")) {
            select.setLong(1, sendId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("SMS send " + sendId + " was not found while claiming its recipients.");
                }
                return row.getTimestamp(1);
            }
        }
    }

    /**
     * Selects and locks rows of the sends that meet {@code condition}, in send and contact id order.
     * The claim index leads with the send and the state, so that a condition on SENDING rows reads only
     * the batches in flight.
     */
    private List<Claimed> select(String condition, String sends, List<Long> sendIds, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT send_id, contact_id, idempotency_key, attempts, "
                + "state = 'SENDING' AND gateway_call_at IS NOT NULL "
                + "FROM sms_recipient FORCE INDEX (ix_sms_recipient_claim) WHERE send_id IN (" + sends + ") AND " + condition
                + " ORDER BY send_id, contact_id LIMIT ? FOR UPDATE SKIP LOCKED")) {
            int index = 1;
            for (long id : sendIds) {
                select.setLong(index++, id);
            }
            select.setInt(index, limit);
            return claimedRows(select);
        }
    }

    private static List<Claimed> claimedRows(PreparedStatement select) throws SQLException {
        List<Claimed> rows = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                rows.add(new Claimed(row.getLong(1), row.getLong(2), row.getString(3), row.getInt(4), row.getBoolean(5)));
            }
        }
        return rows;
    }

    /**
     * Marks that the gateway is about to be called for a claimed row, so that an instance taking the row
     * over after a crash treats the message as possibly sent.
     *
     * @return whether {@code owner} still holds the row; the gateway must not be called otherwise
     */
    public boolean markGatewayCall(Claimed row, String owner) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE sms_recipient SET "
                + "gateway_call_at = UTC_TIMESTAMP(6) WHERE send_id = ? AND contact_id = ? AND state = 'SENDING' "
                + "AND lease_owner = ?")) {
            update.setLong(1, row.sendId());
            update.setLong(2, row.contactId());
            update.setString(3, owner);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Marks the gateway calls of several claimed rows at once, for a gateway that deduplicates, and
     * returns the rows that {@code owner} still holds, in their order. Only those may be sent.
     */
    public List<Claimed> markGatewayCalls(List<Claimed> rows, String owner) throws SQLException {
        Set<String> held = new HashSet<>();
        for (Map.Entry<Long, List<Long>> send : bySend(rows).entrySet()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sms_recipient SET "
                    + "gateway_call_at = UTC_TIMESTAMP(6) WHERE send_id = ? AND contact_id IN (" + marks(send.getValue())
                    + ") AND state = 'SENDING' AND lease_owner = ?")) {
                update.setLong(1, send.getKey());
                int index = bindIds(update, 2, send.getValue());
                update.setString(index, owner);
                if (update.executeUpdate() == send.getValue().size()) {
                    send.getValue().forEach(contactId -> held.add(send.getKey() + ":" + contactId));
                    continue;
                }
            }
            // Another instance took some rows over; the rows still under this owner's lease are the ones marked.
            try (PreparedStatement select = connection.prepareStatement("SELECT contact_id FROM sms_recipient "
                    + "WHERE send_id = ? AND contact_id IN (" + marks(send.getValue()) + ") AND state = 'SENDING' "
                    + "AND lease_owner = ? AND gateway_call_at IS NOT NULL")) {
                select.setLong(1, send.getKey());
                int index = bindIds(select, 2, send.getValue());
                select.setString(index, owner);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        held.add(send.getKey() + ":" + row.getLong(1));
                    }
                }
            }
        }
        return rows.stream().filter(row -> held.contains(row.sendId() + ":" + row.contactId())).toList();
    }

    /** Returns the ids of the sends whose recipients are being sent. */
    public List<Long> sendingSends() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM sms_send WHERE state = 'SENDING' ORDER BY id LIMIT 50");
             ResultSet row = select.executeQuery()) {
            List<Long> ids = new ArrayList<>();
            while (row.next()) {
                ids.add(row.getLong(1));
            }
            return ids;
        }
    }

    /**
     * An outcome of a claimed recipient for {@link #recordAll}.
     *
     * @param state     SENT, FAILED, SKIPPED, HELD or PENDING (a retry)
     * @param notBefore for HELD and PENDING, when the row is due again; ignored otherwise
     */
    public record Outcome(Claimed row, String state, RecipientReason reason, String detail, Instant notBefore,
                          int attempts, String providerMessageId, String maskedPhone) {
    }

    /**
     * Records several outcomes in one transaction and returns, per outcome in order, whether
     * {@code owner} still held its row. Per send, one locking read finds the rows still held, and one
     * statement writes their outcomes, instead of one statement and one commit per row.
     */
    public boolean[] recordAll(List<Outcome> outcomes, String owner, Instant now) throws SQLException {
        Map<Long, List<Outcome>> bySend = new LinkedHashMap<>();
        for (Outcome outcome : outcomes) {
            bySend.computeIfAbsent(outcome.row().sendId(), id -> new ArrayList<>()).add(outcome);
        }
        Set<Claimed> held = new HashSet<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (Map.Entry<Long, List<Outcome>> send : bySend.entrySet()) {
                List<Outcome> stillHeld = lockHeld(send.getKey(), send.getValue(), owner);
                writeOutcomes(send.getKey(), stillHeld, now);
                stillHeld.forEach(outcome -> held.add(outcome.row()));
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        boolean[] recorded = new boolean[outcomes.size()];
        for (int i = 0; i < outcomes.size(); i++) {
            recorded[i] = held.contains(outcomes.get(i).row());
        }
        return recorded;
    }

    /** Locks the rows of the outcomes that are SENDING under {@code owner}, and returns their outcomes. */
    private List<Outcome> lockHeld(long sendId, List<Outcome> outcomes, String owner) throws SQLException {
        List<Long> ids = outcomes.stream().map(outcome -> outcome.row().contactId()).toList();
        Set<Long> held = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT contact_id FROM sms_recipient "
                + "WHERE send_id = ? AND contact_id IN (" + marks(ids) + ") AND state = 'SENDING' AND lease_owner = ? "
                + "FOR UPDATE")) {
            select.setLong(1, sendId);
            int index = bindIds(select, 2, ids);
            select.setString(index, owner);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    held.add(row.getLong(1));
                }
            }
        }
        return outcomes.stream().filter(outcome -> held.contains(outcome.row().contactId())).toList();
    }

    /**
     * Writes outcomes of rows locked by {@link #lockHeld} with one statement. The values differ per row,
     * so it is an insert of the rows with their primary keys that updates each existing row on the
     * duplicate key. The rows are locked and held by {@code owner} in this transaction, so every one
     * exists and each counts two affected rows; anything else would be an insert and rolls back. The
     * masked number is the one the outcome was decided on, or none when the contact has none now. Only an
     * outcome decided without reading the contact (the type is no longer live) keeps the stored one.
     */
    private void writeOutcomes(long sendId, List<Outcome> outcomes, Instant now) throws SQLException {
        if (outcomes.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO sms_recipient (send_id, contact_id, "
                + "idempotency_key, state, reason, detail, not_before, attempts, provider_message_id, masked_phone, "
                + "sent_at, updated_at) VALUES " + String.join(",", Collections.nCopies(outcomes.size(),
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) + " ON DUPLICATE KEY UPDATE state = VALUES(state), "
                + "reason = VALUES(reason), detail = VALUES(detail), "
                + "not_before = IF(VALUES(state) IN ('HELD', 'PENDING'), VALUES(not_before), not_before), "
                + "attempts = VALUES(attempts), provider_message_id = VALUES(provider_message_id), "
                + "masked_phone = IF(VALUES(reason) <=> 'TYPE_NOT_LIVE', masked_phone, VALUES(masked_phone)), "
                + "sent_at = VALUES(sent_at), "
                + "lease_owner = NULL, lease_expires_at = NULL, gateway_call_at = NULL, updated_at = VALUES(updated_at)")) {
            int index = 1;
            Timestamp time = Timestamp.from(now);
            for (Outcome outcome : outcomes) {
                String detail = outcome.detail();
                upsert.setLong(index++, sendId);
                upsert.setLong(index++, outcome.row().contactId());
                upsert.setString(index++, outcome.row().idempotencyKey());
                upsert.setString(index++, outcome.state());
                upsert.setString(index++, outcome.reason() == null ? null : outcome.reason().name());
                upsert.setString(index++, detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500));
                // The column takes no NULL even in the row that the update replaces; the update ignores it then.
                upsert.setTimestamp(index++, outcome.notBefore() == null ? time : Timestamp.from(outcome.notBefore()));
                upsert.setInt(index++, outcome.attempts());
                upsert.setString(index++, outcome.providerMessageId());
                upsert.setString(index++, outcome.maskedPhone());
                upsert.setTimestamp(index++, outcome.state().equals("SENT") ? time : null);
                upsert.setTimestamp(index++, time);
            }
            int affected = upsert.executeUpdate();
            if (affected != 2 * outcomes.size()) {
                throw new SQLException("SMS send " + sendId + ": writing the outcomes of " + outcomes.size() + " locked "
                        + "recipients affected " + affected + " rows instead of " + 2 * outcomes.size()
                        + "; the outcomes are rolled back");
            }
        }
    }

    /** Groups rows' contact ids by send, in the order the rows come. */
    private static Map<Long, List<Long>> bySend(List<Claimed> rows) {
        Map<Long, List<Long>> sends = new LinkedHashMap<>();
        for (Claimed row : rows) {
            sends.computeIfAbsent(row.sendId(), id -> new ArrayList<>()).add(row.contactId());
        }
        return sends;
    }

    private static String marks(List<Long> ids) {
        return String.join(",", Collections.nCopies(ids.size(), "?"));
    }

    private static int bindIds(PreparedStatement statement, int first, List<Long> ids) throws SQLException {
        int index = first;
        for (long id : ids) {
            statement.setLong(index++, id);
        }
        return index;
    }
}
