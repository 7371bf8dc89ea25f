package org.optline.subscriptions.control;

import org.optline.platform.StoredEnums;
import org.optline.subscriptions.api.ActorKind;
import org.optline.subscriptions.api.BulkItemOutcome;
import org.optline.subscriptions.api.BulkJobItemPage;
import org.optline.subscriptions.api.BulkJobItemView;
import org.optline.subscriptions.api.BulkJobState;
import org.optline.subscriptions.api.BulkJobView;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentOutcome;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Inserts bulk consent jobs with their contacts, and reads jobs and their per-contact reports. */
public final class BulkJobRows {

    /** Items per INSERT statement when a job is created. */
    static final int INSERT_ROWS = 1_000;

    static final String JOB_COLUMNS = "id, subscription_type_id, action, selection, query_json, override_reason, "
            + "created_by, actor_kind, created_at, state, total_count, changed_count, already_count, refused_count, "
            + "started_at, finished_at, failure, version";

    private static final String ITEM_COLUMNS = "job_id, contact_id, position, outcome, refusal_reason, "
            + "refusal_message, processed_at";

    private final Connection connection;

    public BulkJobRows(Connection connection) {
        this.connection = connection;
    }

    /** The stored fields of a new job. */
    public record NewJob(long subscriptionTypeId, ConsentAction action, String selection, String queryJson,
                         String overrideReason, String createdBy, ActorKind actorKind, Instant createdAt) {
    }

    /** Inserts a QUEUED job and its contacts as PENDING items, numbered in the order given, and returns its id. */
    public long insert(NewJob job, List<Long> contactIds) throws SQLException {
        long id;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bulk_consent_job (subscription_type_id, "
                + "action, selection, query_json, override_reason, created_by, actor_kind, created_at, state, total_count) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, job.subscriptionTypeId());
            insert.setString(2, job.action().name());
            insert.setString(3, job.selection());
            insert.setString(4, job.queryJson());
            insert.setString(5, job.overrideReason());
            insert.setString(6, job.createdBy());
            insert.setString(7, job.actorKind().name());
            insert.setTimestamp(8, Timestamp.from(job.createdAt()));
            insert.setInt(9, contactIds.size());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("bulk_consent_job has no id after its insert");
                }
                id = keys.getLong(1);
            }
        }
        insertItems(id, contactIds);
        insertChunks(id, contactIds.size());
        return id;
    }

    /** Divides the positions 1 to {@code total} into chunks of {@link BulkJobChunk#SIZE} for the worker to take. */
    private void insertChunks(long jobId, int total) throws SQLException {
        int chunks = (total + BulkJobChunk.SIZE - 1) / BulkJobChunk.SIZE;
        for (int start = 0; start < chunks; start += INSERT_ROWS) {
            int rows = Math.min(INSERT_ROWS, chunks - start);
            String values = String.join(",", Collections.nCopies(rows, "(?, ?, ?)"));
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO bulk_consent_chunk (job_id, first_position, last_position) VALUES " + values)) {
                int index = 1;
                for (int chunk = start; chunk < start + rows; chunk++) {
                    insert.setLong(index++, jobId);
                    insert.setInt(index++, chunk * BulkJobChunk.SIZE + 1);
                    insert.setInt(index++, Math.min((chunk + 1) * BulkJobChunk.SIZE, total));
                }
                insert.executeUpdate();
            }
        }
    }

    private void insertItems(long jobId, List<Long> contactIds) throws SQLException {
        for (int start = 0; start < contactIds.size(); start += INSERT_ROWS) {
            List<Long> rows = contactIds.subList(start, Math.min(start + INSERT_ROWS, contactIds.size()));
            String values = String.join(",", Collections.nCopies(rows.size(), "(?, ?, ?)"));
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO bulk_consent_item (job_id, contact_id, position) VALUES " + values)) {
                int index = 1;
                for (int i = 0; i < rows.size(); i++) {
                    insert.setLong(index++, jobId);
                    insert.setLong(index++, rows.get(i));
                    insert.setInt(index++, start + i + 1);
                }
                insert.executeUpdate();
            }
        }
    }

    public Optional<BulkJobView> find(long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + JOB_COLUMNS + " FROM bulk_consent_job WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? Optional.of(job(result)) : Optional.empty();
            }
        }
    }

    /** Returns the newest jobs first. */
    public List<BulkJobView> recent(int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + JOB_COLUMNS + " FROM bulk_consent_job ORDER BY id DESC LIMIT ?")) {
            select.setInt(1, limit);
            List<BulkJobView> jobs = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    jobs.add(job(result));
                }
            }
            return jobs;
        }
    }

    /**
     * Returns one page of a job's items in position order.
     *
     * @param outcome only items with this outcome, or null for all
     * @param page    the page number, from 1
     */
    public BulkJobItemPage items(long jobId, BulkItemOutcome outcome, int page, int perPage) throws SQLException {
        String filter = " FROM bulk_consent_item WHERE job_id = ?" + (outcome == null ? "" : " AND outcome = ?");
        long total;
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*)" + filter)) {
            bindFilter(count, jobId, outcome);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                total = result.getLong(1);
            }
        }
        List<BulkJobItemView> items = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + ITEM_COLUMNS + filter + " ORDER BY position LIMIT ? OFFSET ?")) {
            int index = bindFilter(select, jobId, outcome);
            select.setInt(index++, perPage);
            select.setLong(index, (long) (page - 1) * perPage);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    items.add(item(result));
                }
            }
        }
        return new BulkJobItemPage(items, page, perPage, total);
    }

    private static int bindFilter(PreparedStatement statement, long jobId, BulkItemOutcome outcome) throws SQLException {
        statement.setLong(1, jobId);
        if (outcome == null) {
            return 2;
        }
        statement.setString(2, outcome.name());
        return 3;
    }

    static BulkJobView job(ResultSet row) throws SQLException {
        return new BulkJobView(row.getLong("id"), row.getLong("subscription_type_id"),
                StoredEnums.require(ConsentAction.class, row.getString("action"), "bulk_consent_job.action"),
                row.getString("selection"), row.getString("query_json"), row.getString("override_reason"),
                row.getString("created_by"),
                StoredEnums.require(ActorKind.class, row.getString("actor_kind"), "bulk_consent_job.actor_kind"),
                instant(row, "created_at"),
                StoredEnums.require(BulkJobState.class, row.getString("state"), "bulk_consent_job.state"), row.getInt("total_count"),
                row.getInt("changed_count"), row.getInt("already_count"), row.getInt("refused_count"),
                instant(row, "started_at"), instant(row, "finished_at"), row.getString("failure"), row.getLong("version"));
    }

    /** Reads an item; a refusal reason this version does not know reads as none, and its message still shows. */
    private static BulkJobItemView item(ResultSet row) throws SQLException {
        ConsentOutcome.RefusalReason reason = StoredEnums.find(ConsentOutcome.RefusalReason.class,
                row.getString("refusal_reason")).orElse(null);
        return new BulkJobItemView(row.getLong("job_id"), row.getLong("contact_id"), row.getInt("position"),
                StoredEnums.require(BulkItemOutcome.class, row.getString("outcome"), "bulk_consent_item.outcome"),
                reason, row.getString("refusal_message"), instant(row, "processed_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
