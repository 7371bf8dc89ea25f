package org.optline.bench.bulk;

import org.optline.bench.data.Catalog;
import org.optline.subscriptions.api.ChainVerification;
import org.optline.subscriptions.control.ConsentReads;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Checks after a bulk unsubscribe that it did all its work: every selected contact is now opted out,
 * the events counted match the contacts changed, and the chains of a sample of contacts verify with
 * Optline's own check. A failed check stops the benchmark, because a fast run that lost work means nothing.
 */
public final class BulkCheck {

    /** How many contacts of the segment get their whole chain verified. */
    static final int SAMPLE = 200;

    private final Connection connection;

    public BulkCheck(Connection connection) {
        this.connection = connection;
    }

    /**
     * @param actorId the actor on the run's events, to count them; null to skip that count
     */
    public void verify(Segment segment, BulkResult result, String actorId) throws SQLException {
        require(result.selected() == segment.size(), "The filter selected " + result.selected() + " contacts, not "
                + segment.size() + ".");
        long optedOut = count("SELECT COUNT(*) FROM consent_state WHERE subscription_type_id = ? AND state = 'OPT_OUT' "
                + "AND contact_id BETWEEN ? AND ?", segment, null);
        require(optedOut == segment.size(), optedOut + " of the " + segment.size() + " selected contacts are opted out "
                + "of subscription type " + Catalog.ACCOUNT_ALERTS.id() + " after the run.");
        if (actorId != null) {
            long events = count("SELECT COUNT(*) FROM consent_event WHERE subscription_type_id = ? AND contact_id "
                    + "BETWEEN ? AND ? AND actor_id = ?", segment, actorId);
            require(events == result.changed(), events + " events were stored but " + result.changed()
                    + " contacts were reported changed.");
        }
        ConsentReads reads = new ConsentReads(connection);
        long step = Math.max(1, segment.size() / SAMPLE);
        int verified = 0;
        for (long id = segment.firstId(); id <= segment.lastId(); id += step) {
            ChainVerification chain = reads.verify(id);
            require(chain.intact(), "The consent chain of contact " + id + " is broken: " + chain.problem());
            verified++;
        }
        System.out.printf("Checked the %s run: %d contacts opted out, %d chains verified%n", segment.name(), optedOut,
                verified);
    }

    private long count(String sql, Segment segment, String actorId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, Catalog.ACCOUNT_ALERTS.id());
            select.setLong(2, segment.firstId());
            select.setLong(3, segment.lastId());
            if (actorId != null) {
                select.setString(4, actorId);
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException("Bulk check failed: " + problem);
        }
    }
}
