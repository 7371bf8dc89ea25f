package org.optline.bench.bulk;

import org.optline.bench.data.Catalog;
import org.optline.subscriptions.control.ConsentHashes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bare-SQL baseline of a bulk unsubscribe: the same statements a bulk job of the consent ledger
 * runs, with plain JDBC and no application server. For each chunk of {@value #CHUNK} contacts, in one
 * transaction: read the phones, create missing chain heads and lock them, lock the states of the type,
 * skip contacts already opted out, then insert the events with their hash chain, upsert the states and
 * update the heads.
 */
public final class BareBulkUnsubscribe {

    public static final int CHUNK = 1_000;
    /** The actor recorded on the baseline's events, so the check can count them. */
    public static final String ACTOR_ID = "bench-bare-sql@example.com";

    private static final Catalog.Type TYPE = Catalog.ACCOUNT_ALERTS;

    private final Connection connection;
    /** Nanoseconds spent in each step, summed over the chunks, to show where the time goes. */
    private final long[] stepNanos = new long[STEPS.length];
    private static final String[] STEPS = {"read phones", "lock heads", "lock states", "hash", "insert events",
            "upsert states", "update heads", "commit"};

    public BareBulkUnsubscribe(Connection connection) {
        this.connection = connection;
    }

    private record Head(int length, String hash) {
    }

    private record Event(long contactId, int seq, String phone, String previousHash, String hash) {
    }

    public BulkResult run(Segment segment) throws SQLException {
        long started = System.nanoTime();
        List<Long> ids = segment.select(connection);
        int changed = 0;
        int alreadySo = 0;
        int refused = 0;
        connection.setAutoCommit(false);
        try {
            for (int first = 0; first < ids.size(); first += CHUNK) {
                List<Long> chunk = ids.subList(first, Math.min(ids.size(), first + CHUNK));
                int[] outcome = unsubscribe(chunk);
                long committing = System.nanoTime();
                connection.commit();
                stepNanos[7] += System.nanoTime() - committing;
                changed += outcome[0];
                alreadySo += outcome[1];
                refused += outcome[2];
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        BulkResult result = new BulkResult(ids.size(), changed, alreadySo, refused, System.nanoTime() - started);
        StringBuilder steps = new StringBuilder("Time per step:");
        for (int i = 0; i < STEPS.length; i++) {
            steps.append(String.format(" %s %.2f s,", STEPS[i], stepNanos[i] / 1e9));
        }
        System.out.println(steps.substring(0, steps.length() - 1));
        return result;
    }

    /** Records one chunk and returns the counts of changed, already opted out and refused contacts. */
    private int[] unsubscribe(List<Long> ids) throws SQLException {
        Instant at = ConsentHashes.truncate(Instant.now());
        long mark = System.nanoTime();
        Map<Long, String> phones = phones(ids);
        mark = step(0, mark);
        Map<Long, Head> heads = lockHeads(ids);
        mark = step(1, mark);
        Set<Long> optedOut = lockOptedOut(ids);
        mark = step(2, mark);
        List<Event> events = new ArrayList<>();
        int alreadySo = 0;
        int refused = 0;
        for (long id : ids) {
            if (!phones.containsKey(id)) {
                refused++;
                continue;
            }
            if (optedOut.contains(id)) {
                alreadySo++;
                continue;
            }
            Head head = heads.get(id);
            int seq = head.length() + 1;
            String phone = phones.get(id);
            String hash = ConsentHashes.hash(new ConsentHashes.Fields(id, seq, TYPE.id(), "OPT_OUT", at, "BULK", "ADMIN",
                    ACTOR_ID, phone, null, null, null, null, null, null, null, head.hash()));
            events.add(new Event(id, seq, phone, head.hash(), hash));
        }
        mark = step(3, mark);
        if (!events.isEmpty()) {
            insertEvents(events, at);
            mark = step(4, mark);
            upsertStates(events, at);
            mark = step(5, mark);
            updateHeads(events);
            step(6, mark);
        }
        return new int[]{events.size(), alreadySo, refused};
    }

    /** Adds the time since {@code mark} to step {@code index} and returns the time now. */
    private long step(int index, long mark) {
        long now = System.nanoTime();
        stepNanos[index] += now - mark;
        return now;
    }

    /** Returns the phone of each contact that exists and is not deleted; the value is null without a phone. */
    private Map<Long, String> phones(List<Long> ids) throws SQLException {
        Map<Long, String> phones = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, phone, phone_type FROM contact "
                + "WHERE deleted_at IS NULL AND id IN (" + marks(ids.size()) + ")")) {
            bind(select, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    phones.put(rows.getLong(1), rows.getString(2));
                }
            }
        }
        return phones;
    }

    private Map<Long, Head> lockHeads(List<Long> ids) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO consent_chain (contact_id, length, "
                + "head_hash) VALUES " + String.join(",", Collections.nCopies(ids.size(), "(?, 0, ?)"))
                + " ON DUPLICATE KEY UPDATE length = length")) {
            int index = 1;
            for (long id : ids) {
                insert.setLong(index++, id);
                insert.setString(index++, ConsentHashes.GENESIS);
            }
            insert.executeUpdate();
        }
        Map<Long, Head> heads = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT contact_id, length, head_hash FROM consent_chain "
                + "WHERE contact_id IN (" + marks(ids.size()) + ") ORDER BY contact_id FOR UPDATE")) {
            bind(select, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    heads.put(rows.getLong(1), new Head(rows.getInt(2), rows.getString(3)));
                }
            }
        }
        return heads;
    }

    private Set<Long> lockOptedOut(List<Long> ids) throws SQLException {
        Set<Long> optedOut = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT contact_id, state FROM consent_state "
                + "WHERE subscription_type_id = ? AND contact_id IN (" + marks(ids.size()) + ") FOR UPDATE")) {
            select.setLong(1, TYPE.id());
            int index = 2;
            for (long id : ids) {
                select.setLong(index++, id);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(2).equals("OPT_OUT")) {
                        optedOut.add(rows.getLong(1));
                    }
                }
            }
        }
        return optedOut;
    }

    /** The bare SQL writes each table with one multi-row statement per chunk, the fastest plain JDBC way. */
    private void insertEvents(List<Event> events, Instant at) throws SQLException {
        String rows = String.join(",", Collections.nCopies(events.size(),
                "(?, ?, ?, 'OPT_OUT', ?, 'BULK', 'ADMIN', ?, ?, NULL, NULL, NULL, NULL, NULL, NULL, NULL, ?, ?)"));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO consent_event (contact_id, seq, "
                + "subscription_type_id, action, occurred_at, source, actor_kind, actor_id, phone, ip_address, user_agent, "
                + "conversation_id, message_id, consent_text_id, override_reason, bulk_job_id, previous_hash, hash) "
                + "VALUES " + rows)) {
            Timestamp time = Timestamp.from(at);
            int index = 1;
            for (Event event : events) {
                insert.setLong(index++, event.contactId());
                insert.setInt(index++, event.seq());
                insert.setLong(index++, TYPE.id());
                insert.setTimestamp(index++, time);
                insert.setString(index++, ACTOR_ID);
                setPhone(insert, index++, event.phone());
                insert.setString(index++, event.previousHash());
                insert.setString(index++, event.hash());
            }
            insert.executeUpdate();
        }
    }

    private void upsertStates(List<Event> events, Instant at) throws SQLException {
        String rows = String.join(",", Collections.nCopies(events.size(), "(?, ?, 'OPT_OUT', ?, 'BULK', 'ADMIN', ?, ?)"));
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO consent_state (contact_id, "
                + "subscription_type_id, state, event_seq, source, actor_kind, phone, changed_at) "
                + "VALUES " + rows + " ON DUPLICATE KEY UPDATE state = VALUES(state), "
                + "event_seq = VALUES(event_seq), source = VALUES(source), actor_kind = VALUES(actor_kind), "
                + "phone = VALUES(phone), changed_at = VALUES(changed_at)")) {
            Timestamp time = Timestamp.from(at);
            int index = 1;
            for (Event event : events) {
                upsert.setLong(index++, event.contactId());
                upsert.setLong(index++, TYPE.id());
                upsert.setInt(index++, event.seq());
                setPhone(upsert, index++, event.phone());
                upsert.setTimestamp(index++, time);
            }
            upsert.executeUpdate();
        }
    }

    private void updateHeads(List<Event> events) throws SQLException {
        String rows = String.join(",", Collections.nCopies(events.size(), "(?, ?, ?)"));
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO consent_chain (contact_id, length, "
                + "head_hash) VALUES " + rows + " ON DUPLICATE KEY UPDATE length = VALUES(length), "
                + "head_hash = VALUES(head_hash)")) {
            int index = 1;
            for (Event event : events) {
                upsert.setLong(index++, event.contactId());
                upsert.setInt(index++, event.seq());
                upsert.setString(index++, event.hash());
            }
            upsert.executeUpdate();
        }
    }

    private static void setPhone(PreparedStatement statement, int index, String phone) throws SQLException {
        if (phone == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, phone);
        }
    }

    private static String marks(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    private static void bind(PreparedStatement statement, List<Long> ids) throws SQLException {
        int index = 1;
        for (long id : ids) {
            statement.setLong(index++, id);
        }
    }
}
