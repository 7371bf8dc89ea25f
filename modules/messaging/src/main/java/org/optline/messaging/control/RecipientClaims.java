package org.optline.messaging.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
     * sending, then those that are due. Rows another transaction has locked are skipped, so concurrent
     * instances claim different rows without waiting for each other.
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
            if (claimed.size() < limit) {
                claimed.addAll(select("state IN ('PENDING', 'HELD') AND not_before <= UTC_TIMESTAMP(6)", sends, sendIds,
                        limit - claimed.size()));
            }
            for (Claimed row : claimed) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE sms_recipient SET state = 'SENDING', "
                        + "lease_owner = ?, lease_expires_at = UTC_TIMESTAMP(6) + INTERVAL ? SECOND, gateway_call_at = NULL, "
                        + "updated_at = UTC_TIMESTAMP(6) WHERE send_id = ? AND contact_id = ?")) {
                    update.setString(1, owner);
                    update.setInt(2, leaseSeconds);
                    update.setLong(3, row.sendId());
                    update.setLong(4, row.contactId());
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

    private List<Claimed> select(String condition, String sends, List<Long> sendIds, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT send_id, contact_id, idempotency_key, attempts, "
                + "state = 'SENDING' AND gateway_call_at IS NOT NULL "
                + "FROM sms_recipient WHERE send_id IN (" + sends + ") AND " + condition
                + " ORDER BY send_id, contact_id LIMIT ? FOR UPDATE SKIP LOCKED")) {
            int index = 1;
            for (long id : sendIds) {
                select.setLong(index++, id);
            }
            select.setInt(index, limit);
            List<Claimed> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new Claimed(row.getLong(1), row.getLong(2), row.getString(3), row.getInt(4), row.getBoolean(5)));
                }
            }
            return rows;
        }
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
     * Records an outcome of a claimed recipient.
     *
     * @param state      SENT, FAILED, SKIPPED, HELD or PENDING (a retry)
     * @param notBefore  for HELD and PENDING, when the row is due again; ignored otherwise
     * @return whether {@code owner} still held the row; nothing is written otherwise
     */
    public boolean record(Claimed row, String owner, String state, RecipientReason reason, String detail, Instant notBefore,
                          int attempts, String providerMessageId, String maskedPhone, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE sms_recipient SET state = ?, reason = ?, "
                + "detail = ?, not_before = COALESCE(?, not_before), attempts = ?, provider_message_id = ?, "
                + "masked_phone = COALESCE(?, masked_phone), sent_at = ?, lease_owner = NULL, lease_expires_at = NULL, "
                + "gateway_call_at = NULL, "
                + "updated_at = ? WHERE send_id = ? AND contact_id = ? AND state = 'SENDING' AND lease_owner = ?")) {
            update.setString(1, state);
            update.setString(2, reason == null ? null : reason.name());
            update.setString(3, detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500));
            update.setTimestamp(4, notBefore == null ? null : Timestamp.from(notBefore));
            update.setInt(5, attempts);
            update.setString(6, providerMessageId);
            update.setString(7, maskedPhone);
            update.setTimestamp(8, state.equals("SENT") ? Timestamp.from(now) : null);
            update.setTimestamp(9, Timestamp.from(now));
            update.setLong(10, row.sendId());
            update.setLong(11, row.contactId());
            update.setString(12, owner);
            return update.executeUpdate() == 1;
        }
    }
}
