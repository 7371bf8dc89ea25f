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
import java.util.Collections;
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

    /**
     * Marks the chunk's items in one statement that joins them to their outcomes: a batch of UPDATEs
     * would cost one round trip per item. The count of matched rows proves that every item was still
     * PENDING, so a chunk is never recorded twice.
     */
    private static void markItems(Connection connection, long jobId, ChunkTally tally, Instant now) throws SQLException {
        List<ChunkTally.ItemResult> items = tally.items();
        if (items.isEmpty()) {
            return;
        }
        String outcomes = String.join(" UNION ALL ", Collections.nCopies(items.size(),
                "SELECT ? AS contact_id, ? AS outcome, ? AS refusal_reason, ? AS refusal_message"));
        try (PreparedStatement update = connection.prepareStatement("UPDATE bulk_consent_item i JOIN (" + outcomes
                + ") o ON o.contact_id = i.contact_id SET i.outcome = o.outcome, i.refusal_reason = o.refusal_reason, "
                + "i.refusal_message = o.refusal_message, i.processed_at = ? "
                + "WHERE i.job_id = ? AND i.outcome = 'PENDING'")) {
            int index = 1;
            for (ChunkTally.ItemResult item : items) {
                update.setLong(index++, item.contactId());
                update.setString(index++, item.outcome().name());
                update.setString(index++, item.refusalReason());
                update.setString(index++, item.refusalMessage());
            }
            update.setTimestamp(index++, Timestamp.from(now));
            update.setLong(index, jobId);
            int matched = update.executeUpdate();
            if (matched != items.size()) {
                throw new SQLException("Bulk job " + jobId + ": " + (items.size() - matched) + " items of this chunk were "
                        + "no longer PENDING; the chunk is rolled back");
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
