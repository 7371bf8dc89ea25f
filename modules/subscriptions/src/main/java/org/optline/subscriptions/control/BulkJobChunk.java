package org.optline.subscriptions.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.optline.subscriptions.api.ActorKind;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentLedger;
import org.optline.subscriptions.api.ConsentOutcome;
import org.optline.subscriptions.api.ConsentRequest;
import org.optline.subscriptions.api.ConsentSource;
import org.optline.subscriptions.api.ConsentStorageException;
import org.optline.subscriptions.api.Evidence;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Processes the next chunk of a bulk job in one transaction: the consent events, the items' outcomes,
 * the job's counts and the renewed lease commit together. A crash before the commit leaves the whole
 * chunk PENDING, to be done again; a committed chunk is never done again.
 *
 * <p>The job row is locked first and only while this instance owns the lease, so an instance that
 * lost its lease changes nothing, and another instance's claim waits until the chunk commits.
 */
@ApplicationScoped
public class BulkJobChunk {

    /** Contacts per chunk: large enough to be fast, small enough to keep row locks short. */
    public static final int SIZE = 1_000;

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    ConsentLedger ledger;

    @Inject
    Clock clock;

    /** The outcome of one call to {@link #processNext}. */
    public sealed interface Result {
    }

    /** A chunk was recorded; more contacts may be PENDING. */
    public record Processed(ChunkTally tally, int processedCount, int totalCount) implements Result {
    }

    /** No contact was PENDING, so the job is now DONE. */
    public record Finished(int changedCount, int alreadyCount, int refusedCount) implements Result {
    }

    /** The job is no longer RUNNING under this owner's lease; nothing was changed. */
    public record LeaseLost() implements Result {
    }

    private record Job(long typeId, ConsentAction action, String overrideReason, String createdBy, ActorKind actorKind,
                       int total, int changed, int already, int refused) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Result processNext(long jobId, String owner, int leaseSeconds) {
        try (Connection connection = dataSource.getConnection()) {
            Job job = lock(connection, jobId, owner);
            if (job == null) {
                return new LeaseLost();
            }
            Instant now = clock.instant();
            List<Long> contactIds = pending(connection, jobId);
            if (contactIds.isEmpty()) {
                finish(connection, jobId, now);
                return new Finished(job.changed(), job.already(), job.refused());
            }
            List<ConsentRequest> requests = new ArrayList<>(contactIds.size());
            for (long contactId : contactIds) {
                requests.add(new ConsentRequest(contactId, job.typeId(), job.action(), ConsentSource.BULK, job.actorKind(),
                        job.createdBy(), Evidence.NONE, job.overrideReason(), jobId));
            }
            ChunkTally tally = ChunkTally.of(ledger.recordAll(requests));
            markItems(connection, jobId, tally, now);
            count(connection, jobId, tally, leaseSeconds);
            int processed = job.changed() + job.already() + job.refused() + contactIds.size();
            return new Processed(tally, processed, job.total());
        } catch (SQLException e) {
            throw new ConsentStorageException(e);
        }
    }

    private static Job lock(Connection connection, long jobId, String owner) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT subscription_type_id, action, override_reason, "
                + "created_by, actor_kind, total_count, changed_count, already_count, refused_count FROM bulk_consent_job "
                + "WHERE id = ? AND lease_owner = ? AND state = 'RUNNING' FOR UPDATE")) {
            select.setLong(1, jobId);
            select.setString(2, owner);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new Job(row.getLong(1), ConsentAction.valueOf(row.getString(2)), row.getString(3),
                        row.getString(4), ActorKind.valueOf(row.getString(5)), row.getInt(6), row.getInt(7),
                        row.getInt(8), row.getInt(9));
            }
        }
    }

    private static List<Long> pending(Connection connection, long jobId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT contact_id FROM bulk_consent_item "
                + "WHERE job_id = ? AND outcome = 'PENDING' ORDER BY position LIMIT ? FOR UPDATE")) {
            select.setLong(1, jobId);
            select.setInt(2, SIZE);
            List<Long> ids = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getLong(1));
                }
            }
            return ids;
        }
    }

    private static void markItems(Connection connection, long jobId, ChunkTally tally, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE bulk_consent_item SET outcome = ?, "
                + "refusal_reason = ?, refusal_message = ?, processed_at = ? "
                + "WHERE job_id = ? AND contact_id = ? AND outcome = 'PENDING'")) {
            for (ChunkTally.ItemResult item : tally.items()) {
                update.setString(1, item.outcome().name());
                update.setString(2, item.refusalReason());
                update.setString(3, item.refusalMessage());
                update.setTimestamp(4, Timestamp.from(now));
                update.setLong(5, jobId);
                update.setLong(6, item.contactId());
                update.addBatch();
            }
            for (int updated : update.executeBatch()) {
                if (updated == 0) {
                    throw new SQLException("Bulk job " + jobId + ": an item of this chunk was no longer PENDING; "
                            + "the chunk is rolled back");
                }
            }
        }
    }

    private static void count(Connection connection, long jobId, ChunkTally tally, int leaseSeconds) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE bulk_consent_job SET "
                + "changed_count = changed_count + ?, already_count = already_count + ?, refused_count = refused_count + ?, "
                + "lease_expires_at = UTC_TIMESTAMP(6) + INTERVAL ? SECOND, failed_attempts = 0, failure = NULL, "
                + "version = version + 1 WHERE id = ?")) {
            update.setInt(1, tally.changed());
            update.setInt(2, tally.already());
            update.setInt(3, tally.refused());
            update.setInt(4, leaseSeconds);
            update.setLong(5, jobId);
            update.executeUpdate();
        }
    }

    private static void finish(Connection connection, long jobId, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE bulk_consent_job SET state = 'DONE', "
                + "finished_at = ?, lease_owner = NULL, lease_expires_at = NULL, version = version + 1 WHERE id = ?")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setLong(2, jobId);
            update.executeUpdate();
        }
    }
}
