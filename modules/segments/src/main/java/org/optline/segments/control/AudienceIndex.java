package org.optline.segments.control;

import com.carrotsearch.hppc.LongHashSet;
import com.carrotsearch.hppc.cursors.LongCursor;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.optline.contacts.api.ContactColumns;
import org.optline.contacts.api.ContactCounter;
import org.optline.contacts.api.ContactQuery;
import org.optline.contacts.api.ContactRole;
import org.optline.contacts.api.LineType;
import org.optline.platform.StartupCompleted;
import org.optline.platform.work.PollingLoop;
import org.optline.segments.api.AudiencePreview;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.State;
import org.optline.subscriptions.api.SubscriptionTypeView;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * This instance's copy of the facts that audience counts read, in {@link AudienceColumns}, kept
 * current from the {@code audience_change} rows that database triggers write with every change of a
 * contact, a consent state or a blocked number. Decision record 0021 explains the design.
 *
 * <ul>
 *   <li>A background round every second reads the new change rows and reads the changed contacts,
 *       their states and the changed numbers again. Every count first does the same, so a count made
 *       after a change committed includes it, whichever instance made the change.</li>
 *   <li>Change rows can commit out of sequence order, so the reader looks again for each sequence
 *       number missing below the newest one it has applied, until the number has been missing for
 *       {@link #SETTLE_NANOS}. A change whose transaction stays open longer than that after writing
 *       its row is picked up by the next full load, every {@code optline.audience-index.reload-minutes}
 *       (default 10).</li>
 *   <li>Until the first load ends, and for queries on fields the columns do not hold, callers count in SQL.</li>
 * </ul>
 */
@ApplicationScoped
public class AudienceIndex implements ContactCounter {

    private static final Logger LOG = Logger.getLogger(AudienceIndex.class.getName());

    /** How long a change row may stay invisible after a later one became visible. */
    static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final int CONTACTS_PER_PAGE = 50_000;
    private static final int IDS_PER_QUERY = 1_000;
    /** Above this many gaps in the sequence, the reader reads the whole range again instead of naming them. */
    private static final int MAX_NAMED_GAPS = 500;
    /**
     * The maximum number of new change rows one catch-up reads. The next one reads the rest, so no
     * catch-up takes long.
     */
    private static final int MAX_CHANGES_PER_ROUND = 50_000;
    /**
     * The maximum number of passed-over sequence numbers kept for a send's listing to read again. Beyond
     * it, sends list their recipients in SQL until the next full load.
     */
    private static final int MAX_PASSED_OVER = 10_000;
    /** The maximum number of catch-ups a send's listing runs to read every committed change row first. */
    private static final int MAX_LISTING_CATCH_UPS = 100;
    private static final long PRUNE_NANOS = TimeUnit.MINUTES.toNanos(10);
    private static final int PRUNE_BATCH = 5_000;
    private static final Pattern E164 = Pattern.compile("\\+[0-9]{1,18}");

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "optline.audience-index.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "optline.audience-index.reload-minutes", defaultValue = "10")
    int reloadMinutes;

    @Inject
    @ConfigProperty(name = "optline.audience-index.keep-changes-minutes", defaultValue = "60")
    int keepChangesMinutes;

    private final PollingLoop loop = new PollingLoop("Audience index", LOG);
    private final ReentrantReadWriteLock columnsLock = new ReentrantReadWriteLock();
    /** Held while reading and applying change rows, so that rounds and counts apply each change once. */
    private final ReentrantLock catchingUp = new ReentrantLock();
    /** Numbers that are not in E.164 form (rows written around the application), each with a negative code. */
    private final Map<String, Long> oddPhones = new ConcurrentHashMap<>();

    private volatile AudienceColumns columns;
    /** Every change row up to this sequence number is applied, or was invisible for longer than {@link #SETTLE_NANOS}. */
    private long settled;
    /** Applied change rows above {@link #settled}, with the {@link System#nanoTime()} when they were applied. */
    private final TreeMap<Long, Long> applied = new TreeMap<>();
    /**
     * Sequence numbers that {@link #settled} moved past while their rows were still invisible, with the
     * {@link System#nanoTime()} when it did. A row of a transaction that stayed open longer than
     * {@link #SETTLE_NANOS} becomes visible only later, and a send's listing reads these numbers again.
     * Numbers of rolled-back transactions never appear and are dropped after keep-changes-minutes.
     */
    private final TreeMap<Long, Long> passedOver = new TreeMap<>();
    /** Whether more than {@link #MAX_PASSED_OVER} numbers were passed over since the last full load. */
    private boolean passedOverLost;
    private volatile long loadedAt;
    private volatile long caughtUpAt;
    private long prunedAt = System.nanoTime();

    void start(@Observes StartupCompleted event) {
        if (enabled) {
            loop.start(executor, 1, this::round);
        } else {
            LOG.info("The audience index is off (optline.audience-index.enabled=false); audiences are counted in SQL");
        }
    }

    @PreDestroy
    void stop() {
        loop.stop();
    }

    /**
     * Previews a send under {@code type} to the contacts that match {@code query} from the columns, or
     * returns empty when the index is not loaded or the query names a field it does not hold.
     */
    public Optional<AudiencePreview> preview(SubscriptionTypeView type, ContactQuery query, int sampleSize) {
        return scan(query, (columns, match) -> columns.preview(match, type.id(), type.consentType(),
                type.state() == State.LIVE, sampleSize));
    }

    /**
     * Lists a page of a send's recipients from the columns: the ids after {@code afterContactId} of the
     * contacts that match {@code query} and may be texted under {@code type}, ascending, at most
     * {@code limit}. Returns empty as {@link #preview} does.
     */
    public Optional<List<Long>> reachable(SubscriptionTypeView type, ContactQuery query, long afterContactId, int limit) {
        if (!enabled || columns == null || IndexedQuery.compile(query).isEmpty() || !currentForListing()) {
            return Optional.empty();
        }
        return scan(query, (columns, match) -> columns.reachable(match, type.id(), type.consentType(),
                type.state() == State.LIVE, afterContactId, limit));
    }

    /**
     * Counts the contacts that match {@code query} and are not deleted, or returns empty as {@link #preview}
     * does. The contacts module's list page, API search and counts use it.
     */
    @Override
    public Optional<Long> count(ContactQuery query) {
        return scan(query, AudienceColumns::count);
    }

    private interface Scan<T> {
        T run(AudienceColumns columns, IndexedQuery.Match match);
    }

    /**
     * Runs {@code scan} over the columns under the read lock, after applying the committed changes, or
     * returns empty when the index is off or not loaded, or the query names a field it does not hold.
     */
    private <T> Optional<T> scan(ContactQuery query, Scan<T> scan) {
        if (!enabled || columns == null) {
            return Optional.empty();
        }
        Optional<IndexedQuery.Match> match = IndexedQuery.compile(query);
        if (match.isEmpty() || !current()) {
            return Optional.empty();
        }
        columnsLock.readLock().lock();
        try {
            return Optional.of(scan.run(columns, match.get()));
        } finally {
            columnsLock.readLock().unlock();
        }
    }

    /** Applies the committed changes and returns true, or returns false when reading them failed. */
    private boolean current() {
        try {
            catchUp();
            return true;
        } catch (IllegalStateException e) {
            LOG.log(Level.WARNING, "Reading audience changes failed; this count is made in SQL", e);
            return false;
        }
    }

    /**
     * Applies every committed change before a send lists a page from the columns, and returns whether the
     * columns can be trusted for it. A count may miss a change for a while, but a send lists each contact
     * once and never again, so a contact the columns miss would never get the message. So this catches
     * up until no new row is left, not just once, and reads the passed-over numbers again. It returns
     * false, and the send lists in SQL, when it could not.
     */
    private boolean currentForListing() {
        catchingUp.lock();
        try {
            if (passedOverLost) {
                return false;
            }
            readPassedOver();
            for (int round = 0; round < MAX_LISTING_CATCH_UPS; round++) {
                if (catchUp() < MAX_CHANGES_PER_ROUND) {
                    return true;
                }
            }
            LOG.warning(() -> "Audience changes arrive faster than the index reads them; this send's page is listed in SQL");
            return false;
        } catch (IllegalStateException e) {
            LOG.log(Level.WARNING, "Reading audience changes failed; this send's page is listed in SQL", e);
            return false;
        } finally {
            catchingUp.unlock();
        }
    }

    /** Reads the passed-over change rows that have become visible since, and applies them. */
    private void readPassedOver() {
        if (passedOver.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        long keepNanos = TimeUnit.MINUTES.toNanos(Math.max(1, keepChangesMinutes));
        passedOver.values().removeIf(passedAt -> now - passedAt > keepNanos);
        List<Long> numbers = new ArrayList<>(passedOver.keySet());
        LongHashSet contactIds = new LongHashSet();
        List<String> phones = new ArrayList<>();
        List<Long> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (int from = 0; from < numbers.size(); from += IDS_PER_QUERY) {
                List<Long> chunk = numbers.subList(from, Math.min(numbers.size(), from + IDS_PER_QUERY));
                readChanges(connection, "seq IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
                        new ArrayList<>(chunk), (seq, contactId, phone) -> {
                            found.add(seq);
                            if (contactId != null) {
                                contactIds.add(contactId);
                            }
                            if (phone != null) {
                                phones.add(phone);
                            }
                        });
            }
            apply(connection, contactIds, phones);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading " + numbers.size() + " passed-over audience changes failed: "
                    + e.getMessage(), e);
        }
        found.forEach(passedOver::remove);
    }

    private void round() {
        long now = System.nanoTime();
        boolean reloadDue = columns == null || now - loadedAt > TimeUnit.MINUTES.toNanos(Math.max(1, reloadMinutes))
                || now - caughtUpAt > TimeUnit.MINUTES.toNanos(Math.max(1, keepChangesMinutes)) / 2;
        if (reloadDue) {
            load();
        } else {
            catchUp();
        }
        if (now - prunedAt > PRUNE_NANOS) {
            prune();
            prunedAt = now;
        }
    }

    /**
     * Loads every contact, state and blocked number into new columns while counts keep using the old
     * ones, then swaps them in and applies the changes that committed during the load.
     */
    void load() {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            long from = settledBeforeLoad(connection);
            AudienceColumns loaded = new AudienceColumns();
            long after = 0;
            while (true) {
                List<AudienceColumns.Contact> page = contactsAfter(connection, after);
                if (page.isEmpty()) {
                    break;
                }
                loaded.putContacts(page);
                long last = page.getLast().id();
                readStates(connection, "contact_id > ? AND contact_id <= ?", List.of(after, last),
                        state -> {
                            int position = loaded.position(state.contactId());
                            if (position >= 0) {
                                loaded.addState(position, state);
                            }
                        });
                after = last;
            }
            try (PreparedStatement statement = connection.prepareStatement("SELECT phone FROM sms_number_block");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    loaded.putBlocked(phone(rows.getString(1)), true);
                }
            }
            catchingUp.lock();
            try {
                columnsLock.writeLock().lock();
                try {
                    columns = loaded;
                } finally {
                    columnsLock.writeLock().unlock();
                }
                // NOTE: a change row up to `from` whose transaction was still open during the load is not
                // among the passed-over numbers, so neither counts nor send listings see it until the next load.
                settled = from;
                applied.clear();
                passedOverLost = false;
                loadedAt = System.nanoTime();
                catchUp();
            } finally {
                catchingUp.unlock();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Loading the audience index failed: " + e.getMessage(), e);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        LOG.info(() -> "Loaded the audience index: " + columns.size() + " contacts in " + millis + " ms (" + loop.owner() + ")");
    }

    /**
     * Returns the sequence number up to which the load may take every change as visible: that of the
     * newest change row written more than {@link #SETTLE_NANOS} ago, or 0 when there is none. Rows
     * above it are read again after the load, including rows of transactions still open now.
     */
    private static long settledBeforeLoad(Connection connection) throws SQLException {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(SETTLE_NANOS);
        try (PreparedStatement statement = connection.prepareStatement("SELECT seq FROM audience_change "
                + "WHERE changed_at < NOW(6) - INTERVAL " + seconds + " SECOND ORDER BY changed_at DESC LIMIT 1");
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /**
     * Reads and applies the change rows that committed since the last time, and returns how many rows
     * after the newest applied one it read: {@link #MAX_CHANGES_PER_ROUND} when more may be waiting.
     */
    int catchUp() {
        catchingUp.lock();
        try (Connection connection = dataSource.getConnection()) {
            long now = System.nanoTime();
            LongHashSet contactIds = new LongHashSet();
            List<String> phones = new ArrayList<>();
            long newest = applied.isEmpty() ? settled : applied.lastKey();
            List<Long> gaps = new ArrayList<>();
            for (long seq = settled + 1; seq < newest && gaps.size() <= MAX_NAMED_GAPS; seq++) {
                if (!applied.containsKey(seq)) {
                    gaps.add(seq);
                }
            }
            List<Long> fresh = new ArrayList<>();
            ChangeSink sink = (seq, contactId, phone) -> {
                if (applied.containsKey(seq)) {
                    return;
                }
                fresh.add(seq);
                if (contactId != null) {
                    contactIds.add(contactId);
                }
                if (phone != null) {
                    phones.add(phone);
                }
            };
            if (gaps.size() > MAX_NAMED_GAPS) {
                readChanges(connection, "seq > ? AND seq < ?", List.of(settled, newest), sink);
            } else if (!gaps.isEmpty()) {
                readChanges(connection, "seq IN (" + String.join(", ", Collections.nCopies(gaps.size(), "?")) + ")",
                        new ArrayList<>(gaps), sink);
            }
            int before = fresh.size();
            readChanges(connection, "seq > ? ORDER BY seq LIMIT " + MAX_CHANGES_PER_ROUND, List.of(newest), sink);
            int newRows = fresh.size() - before;
            apply(connection, contactIds, phones);
            // Only rows whose contacts and numbers were read again count as applied, so a failed read
            // leaves them for the next round.
            fresh.forEach(seq -> applied.put(seq, now));
            settle(now);
            caughtUpAt = now;
            return newRows;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading audience changes after sequence " + settled + " failed: "
                    + e.getMessage(), e);
        } finally {
            catchingUp.unlock();
        }
    }

    private interface ChangeSink {
        void accept(long seq, Long contactId, String phone);
    }

    private static void readChanges(Connection connection, String where, List<Object> parameters, ChangeSink sink)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT seq, contact_id, phone FROM audience_change WHERE " + where)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long contactId = rows.getLong(2);
                    sink.accept(rows.getLong(1), rows.wasNull() ? null : contactId, rows.getString(3));
                }
            }
        }
    }

    /** Moves {@link #settled} up to the newest applied row that was applied at least {@link #SETTLE_NANOS} ago. */
    private void settle(long now) {
        long newSettled = settled;
        for (Map.Entry<Long, Long> entry : applied.entrySet()) {
            if (now - entry.getValue() >= SETTLE_NANOS) {
                newSettled = Math.max(newSettled, entry.getKey());
            }
        }
        if (newSettled > settled) {
            for (long seq = settled + 1; seq < newSettled && !passedOverLost; seq++) {
                if (applied.containsKey(seq)) {
                    continue;
                }
                if (passedOver.size() >= MAX_PASSED_OVER) {
                    passedOverLost = true;
                    passedOver.clear();
                    LOG.warning(() -> "More than " + MAX_PASSED_OVER + " audience change numbers were missing when "
                            + "the index moved past them; sends list their recipients in SQL until the next full load");
                } else {
                    passedOver.put(seq, now);
                }
            }
            applied.headMap(newSettled, true).clear();
            settled = newSettled;
        }
    }

    /** Reads the changed contacts, their states and the changed numbers again and puts them in the columns. */
    private void apply(Connection connection, LongHashSet contactIds, List<String> phones) throws SQLException {
        if (contactIds.isEmpty() && phones.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>(contactIds.size());
        for (LongCursor cursor : contactIds) {
            ids.add(cursor.value);
        }
        Collections.sort(ids);
        List<AudienceColumns.Contact> contacts = new ArrayList<>();
        Map<Long, List<AudienceColumns.State>> states = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            LongHashSet found = new LongHashSet();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + CONTACT_COLUMNS + " FROM contact WHERE id IN (" + marks + ")")) {
                bind(statement, new ArrayList<>(chunk));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        AudienceColumns.Contact contact = contact(rows);
                        contacts.add(contact);
                        found.add(contact.id());
                    }
                }
            }
            for (long id : chunk) {
                states.put(id, new ArrayList<>());
                if (!found.contains(id)) {
                    // Deleted from the table (contacts are normally kept with deleted_at): counts skip it.
                    contacts.add(new AudienceColumns.Contact(id, false, AudienceColumns.NO_PHONE, AudienceColumns.NO_LINE_TYPE,
                            AudienceColumns.NO_TIME, AudienceColumns.NO_TIME, AudienceColumns.NO_TIME, AudienceColumns.NO_TIME, true));
                }
            }
            readStates(connection, "contact_id IN (" + marks + ")", new ArrayList<>(chunk),
                    state -> states.get(state.contactId()).add(state));
        }
        Map<Long, Boolean> blocked = new HashMap<>();
        for (int from = 0; from < phones.size(); from += IDS_PER_QUERY) {
            List<String> chunk = phones.subList(from, Math.min(phones.size(), from + IDS_PER_QUERY));
            chunk.forEach(phone -> blocked.put(phone(phone), false));
            try (PreparedStatement statement = connection.prepareStatement("SELECT phone FROM sms_number_block WHERE phone IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
                bind(statement, new ArrayList<>(chunk));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        blocked.put(phone(rows.getString(1)), true);
                    }
                }
            }
        }
        columnsLock.writeLock().lock();
        try {
            columns.putContacts(contacts);
            states.forEach(columns::putStates);
            blocked.forEach(columns::putBlocked);
        } finally {
            columnsLock.writeLock().unlock();
        }
    }

    /** Deletes change rows older than {@code optline.audience-index.keep-changes-minutes}; every instance does, and each row goes once. */
    private void prune() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM audience_change WHERE changed_at < "
                     + "NOW(6) - INTERVAL " + Math.max(1, keepChangesMinutes) + " MINUTE LIMIT " + PRUNE_BATCH)) {
            int deleted;
            do {
                deleted = delete.executeUpdate();
            } while (deleted == PRUNE_BATCH && !loop.stopping());
        } catch (SQLException e) {
            throw new IllegalStateException("Deleting old audience changes failed: " + e.getMessage(), e);
        }
    }

    private static final String CONTACT_COLUMNS =
            "id, role, phone, phone_type, created_at, updated_at, signed_up_at, last_seen_at, deleted_at IS NOT NULL";

    private List<AudienceColumns.Contact> contactsAfter(Connection connection, long after) throws SQLException {
        List<AudienceColumns.Contact> page = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + CONTACT_COLUMNS + " FROM contact WHERE id > ? ORDER BY id LIMIT " + CONTACTS_PER_PAGE)) {
            statement.setLong(1, after);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    page.add(contact(rows));
                }
            }
        }
        return page;
    }

    private AudienceColumns.Contact contact(ResultSet rows) throws SQLException {
        long id = rows.getLong(1);
        boolean lead = ContactColumns.role(id, rows.getString(2)) == ContactRole.LEAD;
        return new AudienceColumns.Contact(id, lead, phone(rows.getString(3)), lineType(id, rows.getString(4)),
                micros(rows.getTimestamp(5)), micros(rows.getTimestamp(6)), micros(rows.getTimestamp(7)),
                micros(rows.getTimestamp(8)), rows.getBoolean(9));
    }

    private interface StateSink {
        void accept(AudienceColumns.State state);
    }

    private void readStates(Connection connection, String where, List<Object> parameters, StateSink sink) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT contact_id, subscription_type_id, state, phone FROM consent_state WHERE " + where)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ConsentAction action = AudienceQueries.action(rows.getString(3));
                    sink.accept(new AudienceColumns.State(rows.getLong(1), rows.getLong(2), action, phone(rows.getString(4))));
                }
            }
        }
    }

    /** Returns a stored number as the digits of its E.164 form, or a negative code of its own for any other text. */
    private long phone(String stored) {
        if (stored == null) {
            return AudienceColumns.NO_PHONE;
        }
        if (E164.matcher(stored).matches()) {
            return Long.parseLong(stored.substring(1));
        }
        return oddPhones.computeIfAbsent(stored, text -> -1L - oddPhones.size());
    }

    private static byte lineType(long contactId, String stored) {
        if (stored == null) {
            return AudienceColumns.NO_LINE_TYPE;
        }
        LineType type = ContactColumns.lineType(contactId, stored);
        return type == null ? AudienceColumns.UNREADABLE_LINE_TYPE : (byte) (type.ordinal() + 1);
    }

    private static long micros(Timestamp time) {
        if (time == null) {
            return AudienceColumns.NO_TIME;
        }
        return Math.addExact(Math.multiplyExact(time.toInstant().getEpochSecond(), 1_000_000L), time.getNanos() / 1_000);
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }
}
