package org.optline.bench.bulk;

import org.optline.bench.data.Generator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The contacts one bulk unsubscribe selects, by a filter on {@code created_at}. The bare-SQL baseline
 * and Optline each get their own range of the same size from the middle of the data, next to each
 * other, so both change equal and untouched data in one run.
 *
 * @param from  the first {@code created_at} selected, on a whole second
 * @param until the first {@code created_at} after the selection, on a whole second
 */
public record Segment(String name, long firstId, long lastId, Instant from, Instant until) {

    public static Segment forBaseline(Connection connection, int contacts, int bulk) throws SQLException {
        long middle = contacts / 2;
        return of(connection, "baseline", middle - bulk + 1, middle, contacts, bulk);
    }

    public static Segment forOptline(Connection connection, int contacts, int bulk) throws SQLException {
        long middle = contacts / 2;
        return of(connection, "optline", middle + 1, middle + bulk, contacts, bulk);
    }

    private static Segment of(Connection connection, String name, long first, long last, int contacts, int bulk)
            throws SQLException {
        if (bulk < 1 || bulk > contacts / 2) {
            throw new IllegalArgumentException("--bulk=" + bulk + " is out of range for " + contacts
                    + " contacts. Use 1 to " + contacts / 2 + ", so that the two bulk runs do not overlap.");
        }
        Instant until = last < contacts ? Generator.createdAt(last + 1, contacts) : Generator.DATA_END;
        Segment segment = new Segment(name, first, last, Generator.createdAt(first, contacts), until);
        segment.requireGenerated(connection);
        return segment;
    }

    public int size() {
        return (int) (lastId - firstId + 1);
    }

    /** Returns the ids of the contacts that match the filter, in id order, as a bulk job selects them. */
    public List<Long> select(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM contact WHERE deleted_at IS NULL "
                + "AND created_at >= ? AND created_at < ? ORDER BY id")) {
            select.setTimestamp(1, Timestamp.from(from));
            select.setTimestamp(2, Timestamp.from(until));
            List<Long> ids = new ArrayList<>(size());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    /**
     * Returns the same filter in Intercom's search query language, which compares {@code created_at} as
     * Unix seconds with {@code >} and {@code <}; every contact is created on a whole second.
     */
    public String intercomQuery() {
        return "{\"operator\":\"AND\",\"value\":[{\"field\":\"created_at\",\"operator\":\">\",\"value\":"
                + (from.getEpochSecond() - 1) + "},{\"field\":\"created_at\",\"operator\":\"<\",\"value\":"
                + until.getEpochSecond() + "}]}";
    }

    /** Checks that the database holds the data this segment was computed for. */
    private void requireGenerated(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT created_at FROM contact WHERE id = ?")) {
            select.setLong(1, firstId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || !row.getTimestamp(1).toInstant().equals(from)) {
                    throw new IllegalStateException("Contact " + firstId + " is missing or was not created at " + from
                            + ": the database does not hold the data generated for this number of contacts.");
                }
            }
        }
    }
}
