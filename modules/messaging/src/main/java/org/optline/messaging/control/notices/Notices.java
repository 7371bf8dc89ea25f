package org.optline.messaging.control.notices;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Queues single texts (answers to keywords, double opt-in requests, agent replies) in {@code sms_notice}.
 * The row is written on the caller's connection, so inside a transaction it commits or rolls back with
 * the change that caused it: a STOP's opt-out and its one confirmation are stored together or not at all.
 * A worker claims and sends the rows.
 */
@ApplicationScoped
public class Notices {

    private static final Logger LOG = Logger.getLogger(Notices.class.getName());

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    /**
     * A text to queue.
     *
     * @param toNumber  the recipient in E.164 form
     * @param contactId the contact it goes to, or null for a number that belongs to no contact
     * @param inboundId the inbound message it answers, or null; at most one notice of a kind answers one message
     * @param partId    the conversation part it sends, for agent replies, or null
     */
    public record Notice(NoticeKind kind, String toNumber, Long contactId, String body, Long inboundId, Long partId) {

        public Notice {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(toNumber, "toNumber");
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * Queues a text to be sent as soon as a worker claims it, and returns its id.
     *
     * @throws IllegalStateException when a notice of the same kind already answers the same inbound message,
     *                               or a notice already sends the same conversation part
     */
    public long enqueue(Notice notice) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO sms_notice (kind, to_number, contact_id, "
                     + "body, inbound_id, conversation_part_id, state, not_before, idempotency_key, created_at, updated_at) "
                     + "VALUES (?, ?, ?, ?, ?, ?, 'PENDING', UTC_TIMESTAMP(6), ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
                     Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, notice.kind().name());
            insert.setString(2, notice.toNumber());
            setLong(insert, 3, notice.contactId());
            insert.setString(4, notice.body());
            setLong(insert, 5, notice.inboundId());
            setLong(insert, 6, notice.partId());
            insert.setString(7, "notice-" + UUID.randomUUID());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                LOG.info(() -> "SMS notice " + id + " (" + notice.kind() + ") queued for contact " + notice.contactId()
                        + (notice.inboundId() == null ? "" : ", answering inbound message " + notice.inboundId()));
                return id;
            }
        } catch (SQLException e) {
            if ("23000".equals(e.getSQLState()) && notice.inboundId() == null && notice.partId() != null) {
                throw new IllegalStateException("Conversation part " + notice.partId() + " is already queued as a text",
                        e);
            }
            if ("23000".equals(e.getSQLState())) {
                throw new IllegalStateException("Inbound message " + notice.inboundId() + " already has a "
                        + notice.kind() + " answer", e);
            }
            throw new IllegalStateException("Could not queue an SMS notice: " + e.getMessage(), e);
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
