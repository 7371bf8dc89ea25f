package org.optline.subscriptions.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.optline.platform.StoredEnums;
import org.optline.subscriptions.api.ActorKind;
import org.optline.subscriptions.api.BulkItemOutcome;
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
import java.util.Collections;
import java.util.List;

/**
 * Processes the next chunk of a bulk job in one transaction: the consent events, the items' outcomes,
 * the job's counts and the renewed lease commit together. A crash before the commit leaves the whole
 * chunk PENDING, to be done again; a committed chunk is never done again.
 *
 * <p>A chunk is a row of {@code bulk_consent_chunk}, a range of item positions. Several threads of the
 * owning instance may process chunks of one job at once: each takes the next chunk that is not done
 * and that no other transaction has locked ({@code FOR UPDATE SKIP LOCKED}), and the chunks of one job
 * never share a contact. The job row is locked only at the end, by the update of
 * its counts, which matches only while this instance owns the lease. An instance that lost its
 * lease therefore rolls its chunk back, and another instance's claim waits until the chunk commits.
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

    /** Every PENDING contact is in a chunk that another thread is processing, or another thread finished the job. */
    public record Busy() implements Result {
    }

    /** The job is no longer RUNNING under this owner's lease; nothing was changed. */
    public record LeaseLost() implements Result {
    }

    private record Range(int first, int last) {
    }

    private record Job(long typeId, ConsentAction action, String overrideReason, String createdBy, ActorKind actorKind,
                       int total) {
    }

    /**
     * Thrown when the lease turned out to be lost at the end of a chunk, which rolls the chunk back.
     * The worker takes it for {@link LeaseLost}.
     */
    static final class LeaseLostException extends RuntimeException {
        LeaseLostException(long jobId) {
            super("Bulk job " + jobId + " is no longer RUNNING under this instance's lease", null, false, false);
        }
    }

    /**
     * Records the next chunk, or finishes the job when nothing is left.
     *
     * @throws LeaseLostException when the lease was lost while the chunk was processed; nothing is changed
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Result processNext(long jobId, String owner, int leaseSeconds) {
        try (Connection connection = dataSource.getConnection()) {
            Job job = read(connection, jobId, owner);
            if (job == null) {
                return new LeaseLost();
            }
            Instant now = clock.instant();
            Range range = nextChunk(connection, jobId);
            if (range == null) {
                return finishIfDone(connection, jobId, owner, now);
            }
            List<Long> contactIds = pending(connection, jobId, range);
            List<ConsentRequest> requests = new ArrayList<>(contactIds.size());
            for (long contactId : contactIds) {
                requests.add(new ConsentRequest(contactId, job.typeId(), job.action(), ConsentSource.BULK, job.actorKind(),
                        job.createdBy(), Evidence.NONE, job.overrideReason(), jobId));
            }
            ChunkTally tally = ChunkTally.of(requests.isEmpty() ? List.of() : ledger.recordAll(requests));
            markItems(connection, jobId, tally, now);
            markDone(connection, jobId, range, now);
            int processed = count(connection, jobId, owner, tally, leaseSeconds);
            return new Processed(tally, processed, job.total());
        } catch (SQLException e) {
            throw new ConsentStorageException(e);
        }
    }

    /** Reads the job without locking it, or returns null when it is not RUNNING under this owner's lease. */
    private static Job read(Connection connection, long jobId, String owner) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT subscription_type_id, action, override_reason, "
                + "created_by, actor_kind, total_count FROM bulk_consent_job "
                + "WHERE id = ? AND lease_owner = ? AND state = 'RUNNING'")) {
            select.setLong(1, jobId);
            select.setString(2, owner);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new Job(row.getLong(1), StoredEnums.require(ConsentAction.class, row.getString(2),
                        "bulk_consent_job.action"), row.getString(3), row.getString(4),
                        StoredEnums.require(ActorKind.class, row.getString(5), "bulk_consent_job.actor_kind"), row.getInt(6));
            }
        }
    }

    /**
     * Locks and returns the next chunk that is not done and that no other transaction has locked, or null.
     * At READ COMMITTED the skipped rows are those of chunks in flight, which their own threads finish.
     */
    private static Range nextChunk(Connection connection, long jobId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT first_position, last_position "
                + "FROM bulk_consent_chunk WHERE job_id = ? AND done_at IS NULL ORDER BY first_position LIMIT 1 "
                + "FOR UPDATE SKIP LOCKED")) {
            select.setLong(1, jobId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Range(row.getInt(1), row.getInt(2)) : null;
            }
        }
    }

    /**
     * Returns the PENDING contacts of the chunk in position order. All of a new chunk's items are PENDING;
     * a chunk that migration V22 made for a job begun before it may hold items done earlier.
     */
    private static List<Long> pending(Connection connection, long jobId, Range range) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT contact_id FROM bulk_consent_item "
                + "WHERE job_id = ? AND position BETWEEN ? AND ? AND outcome = 'PENDING' ORDER BY position")) {
            select.setLong(1, jobId);
            select.setInt(2, range.first());
            select.setInt(3, range.last());
            List<Long> ids = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getLong(1));
                }
            }
            return ids;
        }
    }

    /**
     * Marks the chunk's items: one UPDATE for the changed ones and one for those already so, each over a
     * list of ids, and one that joins the refused ones to their reasons, which differ per contact. A
     * batch of UPDATEs would cost one round trip per item. The count of matched rows proves that every
     * item was still PENDING, so a chunk is never recorded twice.
     */
    private static void markItems(Connection connection, long jobId, ChunkTally tally, Instant now) throws SQLException {
        List<ChunkTally.ItemResult> items = tally.items();
        int matched = 0;
        for (BulkItemOutcome outcome : List.of(BulkItemOutcome.CHANGED, BulkItemOutcome.ALREADY)) {
            List<Long> ids = items.stream().filter(item -> item.outcome() == outcome).map(ChunkTally.ItemResult::contactId)
                    .toList();
            if (ids.isEmpty()) {
                continue;
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE bulk_consent_item SET outcome = ?, "
                    + "processed_at = ? WHERE job_id = ? AND outcome = 'PENDING' AND contact_id IN ("
                    + LedgerWriter.marks(ids.size()) + ")")) {
                update.setString(1, outcome.name());
                update.setTimestamp(2, Timestamp.from(now));
                update.setLong(3, jobId);
                int index = 4;
                for (long id : ids) {
                    update.setLong(index++, id);
                }
                matched += update.executeUpdate();
            }
        }
        List<ChunkTally.ItemResult> refused = items.stream().filter(item -> item.outcome() == BulkItemOutcome.REFUSED)
                .toList();
        if (!refused.isEmpty()) {
            String reasons = String.join(" UNION ALL ", Collections.nCopies(refused.size(),
                    "SELECT ? AS contact_id, ? AS refusal_reason, ? AS refusal_message"));
            try (PreparedStatement update = connection.prepareStatement("UPDATE bulk_consent_item i JOIN (" + reasons
                    + ") r ON r.contact_id = i.contact_id SET i.outcome = 'REFUSED', i.refusal_reason = r.refusal_reason, "
                    + "i.refusal_message = r.refusal_message, i.processed_at = ? "
                    + "WHERE i.job_id = ? AND i.outcome = 'PENDING'")) {
                int index = 1;
                for (ChunkTally.ItemResult item : refused) {
                    update.setLong(index++, item.contactId());
                    update.setString(index++, item.refusalReason());
                    update.setString(index++, item.refusalMessage());
                }
                update.setTimestamp(index++, Timestamp.from(now));
                update.setLong(index, jobId);
                matched += update.executeUpdate();
            }
        }
        if (matched != items.size()) {
            throw new SQLException("Bulk job " + jobId + ": " + (items.size() - matched) + " items of this chunk were "
                    + "no longer PENDING; the chunk is rolled back");
        }
    }

    private static void markDone(Connection connection, long jobId, Range range, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE bulk_consent_chunk SET done_at = ? "
                + "WHERE job_id = ? AND first_position = ? AND done_at IS NULL")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setLong(2, jobId);
            update.setInt(3, range.first());
            if (update.executeUpdate() != 1) {
                throw new SQLException("Bulk job " + jobId + ": the chunk from position " + range.first()
                        + " was done by another transaction; this one is rolled back");
            }
        }
    }

    /**
     * Adds the chunk's counts and renews the lease, which locks the job row until the commit, and
     * returns how many contacts are done. Throws when the lease is no longer this owner's.
     */
    private static int count(Connection connection, long jobId, String owner, ChunkTally tally, int leaseSeconds)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE bulk_consent_job SET "
                + "changed_count = changed_count + ?, already_count = already_count + ?, refused_count = refused_count + ?, "
                + "lease_expires_at = UTC_TIMESTAMP(6) + INTERVAL ? SECOND, failed_attempts = 0, failure = NULL, "
                + "version = version + 1 WHERE id = ? AND lease_owner = ? AND state = 'RUNNING'")) {
            update.setInt(1, tally.changed());
            update.setInt(2, tally.already());
            update.setInt(3, tally.refused());
            update.setInt(4, leaseSeconds);
            update.setLong(5, jobId);
            update.setString(6, owner);
            if (update.executeUpdate() != 1) {
                throw new LeaseLostException(jobId);
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT changed_count + already_count + refused_count FROM bulk_consent_job WHERE id = ?")) {
            select.setLong(1, jobId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /**
     * Marks the job DONE when every chunk is done, or returns {@link Busy} when the only chunks left are
     * those that other threads have not committed yet: their last thread finishes the job.
     */
    private static Result finishIfDone(Connection connection, long jobId, String owner, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM bulk_consent_chunk WHERE job_id = ? AND done_at IS NULL LIMIT 1")) {
            select.setLong(1, jobId);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return new Busy();
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE bulk_consent_job SET state = 'DONE', "
                + "finished_at = ?, lease_owner = NULL, lease_expires_at = NULL, version = version + 1 "
                + "WHERE id = ? AND lease_owner = ? AND state = 'RUNNING'")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setLong(2, jobId);
            update.setString(3, owner);
            if (update.executeUpdate() != 1) {
                // Another thread of this instance may have finished the job a moment earlier.
                return doneAlready(connection, jobId) ? new Busy() : new LeaseLost();
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT changed_count, already_count, refused_count FROM bulk_consent_job WHERE id = ?")) {
            select.setLong(1, jobId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Finished(row.getInt(1), row.getInt(2), row.getInt(3));
            }
        }
    }

    private static boolean doneAlready(Connection connection, long jobId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT state FROM bulk_consent_job WHERE id = ?")) {
            select.setLong(1, jobId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && "DONE".equals(row.getString(1));
            }
        }
    }
}
