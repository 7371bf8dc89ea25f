package org.optline.messaging.control.notices;

import org.optline.platform.StoredEnums;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Claims rows of {@code sms_notice} for sending and records their outcomes under the same lease rules
 * as campaign recipients: a claimed row is SENDING with its owner and an expiry, and an outcome is written
 * only while the owner still holds it.
 */
final class NoticeClaims {

    /**
     * A claimed notice.
     *
     * @param inDoubt whether its previous owner died after starting the gateway call
     */
    record Claimed(long id, NoticeKind kind, String toNumber, String body, String idempotencyKey, int attempts,
                   boolean inDoubt, Long partId) {
    }

    private final Connection connection;

    NoticeClaims(Connection connection) {
        this.connection = connection;
    }

    /** Claims up to {@code limit} notices: first those of dead instances, then the due ones; locked rows are skipped. */
    List<Claimed> claim(String owner, int leaseSeconds, int limit) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            List<Claimed> claimed = new ArrayList<>(select("state = 'SENDING' AND lease_expires_at < UTC_TIMESTAMP(6)",
                    limit));
            if (claimed.size() < limit) {
                claimed.addAll(select("state = 'PENDING' AND not_before <= UTC_TIMESTAMP(6)", limit - claimed.size()));
            }
            for (Claimed row : claimed) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE sms_notice SET state = 'SENDING', "
                        + "lease_owner = ?, lease_expires_at = UTC_TIMESTAMP(6) + INTERVAL ? SECOND, gateway_call_at = NULL, "
                        + "updated_at = UTC_TIMESTAMP(6) WHERE id = ?")) {
                    update.setString(1, owner);
                    update.setInt(2, leaseSeconds);
                    update.setLong(3, row.id());
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

    private List<Claimed> select(String condition, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, kind, to_number, body, idempotency_key, "
                + "attempts, state = 'SENDING' AND gateway_call_at IS NOT NULL, conversation_part_id FROM sms_notice WHERE " + condition
                + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
            select.setInt(1, limit);
            List<Claimed> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    long partId = row.getLong(8);
                    rows.add(new Claimed(row.getLong(1), StoredEnums.require(NoticeKind.class, row.getString(2),
                            "sms_notice.kind"), row.getString(3),
                            row.getString(4), row.getString(5), row.getInt(6), row.getBoolean(7),
                            row.wasNull() ? null : partId));
                }
            }
            return rows;
        }
    }

    /** Stamps the start of the gateway call. Returns whether {@code owner} still has the claim on the row. */
    boolean markGatewayCall(Claimed row, String owner) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE sms_notice SET gateway_call_at = "
                + "UTC_TIMESTAMP(6) WHERE id = ? AND state = 'SENDING' AND lease_owner = ?")) {
            update.setLong(1, row.id());
            update.setString(2, owner);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Records an outcome: SENT, FAILED, or PENDING for a retry at {@code notBefore}.
     *
     * @return whether {@code owner} still held the row; nothing is written otherwise
     */
    boolean record(Claimed row, String owner, String state, String detail, Instant notBefore, int attempts,
                   String providerMessageId, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE sms_notice SET state = ?, detail = ?, "
                + "not_before = COALESCE(?, not_before), attempts = ?, provider_message_id = ?, sent_at = ?, "
                + "lease_owner = NULL, lease_expires_at = NULL, gateway_call_at = NULL, updated_at = ? "
                + "WHERE id = ? AND state = 'SENDING' AND lease_owner = ?")) {
            update.setString(1, state);
            update.setString(2, detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500));
            update.setTimestamp(3, notBefore == null ? null : Timestamp.from(notBefore));
            update.setInt(4, attempts);
            update.setString(5, providerMessageId);
            update.setTimestamp(6, state.equals("SENT") ? Timestamp.from(now) : null);
            update.setTimestamp(7, Timestamp.from(now));
            update.setLong(8, row.id());
            update.setString(9, owner);
            return update.executeUpdate() == 1;
        }
    }
}
