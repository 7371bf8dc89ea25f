package org.optline.optinform.control;

import org.optline.optinform.entity.FormState;
import org.optline.platform.StoredEnums;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The rows a form submission reads and writes, in SQL on the caller's connection: the form under a
 * row lock, the submission of an idempotency key, the form's texts, the new submission and the form's
 * new state. Every submission passes here, and the entity manager's finds, locks and flushes of the
 * same rows cost several times the CPU of these statements (see docs/benchmarks.md).
 */
final class SubmissionRows {

    /** The columns of a locked form that a submission needs. */
    record LockedForm(long id, long subscriptionTypeId, long conversationId, Long partId, long versionId,
                      FormState state) {
    }

    private final Connection connection;

    SubmissionRows(Connection connection) {
        this.connection = connection;
    }

    /**
     * Reads the form and locks its row until the transaction ends, so that concurrent submissions of
     * one form run one after the other and the second one sees the first one's rows.
     */
    Optional<LockedForm> lock(long formId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT subscription_type_id, conversation_id, "
                + "part_id, form_version_id, state FROM optin_form WHERE id = ? FOR UPDATE")) {
            select.setLong(1, formId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long partId = row.getLong(3);
                Long part = row.wasNull() ? null : partId;
                return Optional.of(new LockedForm(formId, row.getLong(1), row.getLong(2), part, row.getLong(4),
                        StoredEnums.require(FormState.class, row.getString(5), "optin_form.state")));
            }
        }
    }

    /** Returns the form that a submission with the idempotency key was made to, if there is one. */
    OptionalLong formOfKey(String idempotencyKey) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT form_id FROM optin_form_submission WHERE idempotency_key = ?")) {
            select.setString(1, idempotencyKey);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Returns the texts of a form version. */
    FormContent content(long versionId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT title, button, legal_html FROM optin_form_version WHERE id = ?")) {
            select.setLong(1, versionId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("Opt-in form version " + versionId + " does not exist, although a form "
                            + "names it");
                }
                return new FormContent(row.getString(1), row.getString(2), row.getString(3));
            }
        }
    }

    /** Stores the submission and marks the form submitted. The caller must hold the form's lock from {@link #lock}. */
    void recordSubmission(LockedForm form, SubmissionRequest request, String phone, Integer consentEventSeq,
                          boolean awaitingConfirmation, Instant now) throws SQLException {
        Timestamp at = Timestamp.from(now);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO optin_form_submission (form_id, "
                + "idempotency_key, contact_id, form_version_id, phone, consent_event_seq, awaiting_confirmation, "
                + "ip_address, user_agent, locale, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, form.id());
            insert.setString(2, request.idempotencyKey());
            insert.setLong(3, request.contactId());
            insert.setLong(4, form.versionId());
            insert.setString(5, phone);
            if (consentEventSeq == null) {
                insert.setNull(6, Types.INTEGER);
            } else {
                insert.setInt(6, consentEventSeq);
            }
            insert.setBoolean(7, awaitingConfirmation);
            insert.setString(8, request.ipAddress());
            insert.setString(9, request.userAgent());
            insert.setString(10, request.locale());
            insert.setTimestamp(11, at);
            insert.executeUpdate();
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE optin_form SET state = ?, updated_at = ?, "
                + "version = version + 1 WHERE id = ?")) {
            update.setString(1, FormState.SUBMITTED.name());
            update.setTimestamp(2, at);
            update.setLong(3, form.id());
            if (update.executeUpdate() != 1) {
                throw new SQLException("Opt-in form " + form.id() + " disappeared while it was locked");
            }
        }
    }
}
