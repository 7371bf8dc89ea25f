package org.optline.subscriptions.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Claims, releases and fails bulk jobs for one app instance, with single statements in autocommit
 * mode, so that one instance at a time owns a job. A chunk commits only under its owner's lease (see
 * {@link BulkJobChunk}).
 *
 * <p>A claim is a lease: the owner's name and an expiry in database time, which every instance reads
 * from the same clock. The owner renews it with every chunk. A job whose lease expired or was released
 * may be claimed by any instance, which continues with the job's first PENDING item.
 */
public final class BulkJobClaims {

    /** A job is FAILED after this many chunks in a row failed. */
    static final int MAX_FAILED_ATTEMPTS = 5;

    /** Seconds an instance waits before retrying a failed chunk, times the number of failures so far. */
    static final int RETRY_DELAY_SECONDS = 10;

    private static final String CLAIMABLE = "(state = 'QUEUED' OR (state = 'RUNNING' "
            + "AND (lease_expires_at IS NULL OR lease_expires_at < UTC_TIMESTAMP(6))))";

    private final Connection connection;

    public BulkJobClaims(Connection connection) {
        this.connection = connection;
    }

    /**
     * Claims the oldest claimable job for {@code owner} and returns its id, or empty when no job is
     * claimable. A job that another instance claims at the same moment is skipped.
     */
    public Optional<Long> claimNext(String owner, int leaseSeconds, Instant now) throws SQLException {
        for (long id : candidates()) {
            try (PreparedStatement claim = connection.prepareStatement("UPDATE bulk_consent_job SET state = 'RUNNING', "
                    + "lease_owner = ?, lease_expires_at = UTC_TIMESTAMP(6) + INTERVAL ? SECOND, "
                    + "started_at = COALESCE(started_at, ?), version = version + 1 WHERE id = ? AND " + CLAIMABLE)) {
                claim.setString(1, owner);
                claim.setInt(2, leaseSeconds);
                claim.setTimestamp(3, Timestamp.from(now));
                claim.setLong(4, id);
                if (claim.executeUpdate() == 1) {
                    return Optional.of(id);
                }
            }
        }
        return Optional.empty();
    }

    private List<Long> candidates() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM bulk_consent_job WHERE " + CLAIMABLE + " ORDER BY id LIMIT 10")) {
            List<Long> ids = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getLong(1));
                }
            }
            return ids;
        }
    }

    /** Gives up {@code owner}'s lease, so that another instance may continue the job at once. */
    public boolean release(long jobId, String owner) throws SQLException {
        try (PreparedStatement release = connection.prepareStatement("UPDATE bulk_consent_job SET lease_owner = NULL, "
                + "lease_expires_at = NULL, version = version + 1 WHERE id = ? AND lease_owner = ? AND state = 'RUNNING'")) {
            release.setLong(1, jobId);
            release.setString(2, owner);
            return release.executeUpdate() == 1;
        }
    }

    /**
     * Records that a chunk failed with {@code error}. The lease is kept and extended by a delay that grows
     * with each failure, so the chunk is retried later, by this or another instance. After
     * {@value #MAX_FAILED_ATTEMPTS} failures in a row the job becomes FAILED.
     *
     * @return whether the job is now FAILED
     */
    public boolean recordFailure(long jobId, String owner, String error, Instant now) throws SQLException {
        // failed_attempts is assigned last, so the other columns see its old value whether MariaDB assigns
        // left to right (its default) or simultaneously (sql_mode SIMULTANEOUS_ASSIGNMENT).
        try (PreparedStatement update = connection.prepareStatement("UPDATE bulk_consent_job SET "
                + "state = IF(failed_attempts + 1 >= ?, 'FAILED', state), "
                + "finished_at = IF(failed_attempts + 1 >= ?, ?, finished_at), "
                + "lease_expires_at = UTC_TIMESTAMP(6) + INTERVAL ((failed_attempts + 1) * ?) SECOND, "
                + "failure = ?, failed_attempts = failed_attempts + 1, version = version + 1 "
                + "WHERE id = ? AND lease_owner = ? AND state = 'RUNNING'")) {
            update.setInt(1, MAX_FAILED_ATTEMPTS);
            update.setInt(2, MAX_FAILED_ATTEMPTS);
            update.setTimestamp(3, Timestamp.from(now));
            update.setInt(4, RETRY_DELAY_SECONDS);
            update.setString(5, error.length() <= 1000 ? error : error.substring(0, 1000));
            update.setLong(6, jobId);
            update.setString(7, owner);
            update.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT state FROM bulk_consent_job WHERE id = ?")) {
            select.setLong(1, jobId);
            try (ResultSet result = select.executeQuery()) {
                return result.next() && "FAILED".equals(result.getString(1));
            }
        }
    }
}
