package org.optline.subscriptions.control;

import org.optline.contacts.api.ContactPhone;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentOutcome;
import org.optline.subscriptions.api.ConsentRequest;
import org.optline.subscriptions.api.ConsentStateView;
import org.optline.subscriptions.api.Evidence;
import org.optline.subscriptions.api.OptInConfirmationRequested;
import org.optline.subscriptions.api.ShownText;
import org.optline.subscriptions.api.SubscriptionTypeView;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Appends consent events and updates the state projection, for one request or a chunk of a bulk job,
 * on a connection that takes part in the caller's transaction.
 *
 * <p>Each contact's chain head is locked first ({@code INSERT ... ON DUPLICATE KEY UPDATE}, then
 * {@code SELECT ... FOR UPDATE}). The locks are taken in contact id order, so that two chunks wait for
 * each other's heads instead of deadlocking.
 * The states are read with a locking read too, because a plain read could see a snapshot from before
 * a concurrent change that this transaction waited for. Then every request is decided against the
 * latest state, and all events, states and heads are written in batches.
 *
 * <p>The data source runs at READ COMMITTED, where these locking reads lock only the rows they find.
 * At REPEATABLE READ they would also lock the gaps where absent rows would go, which made concurrent
 * first changes of different contacts deadlock. A stored shown text is looked up without a lock, so
 * that customers who saw the same form do not wait for each other.
 */
public final class LedgerWriter {

    /** At most this many characters of a user agent are kept, the column's size. */
    static final int MAX_USER_AGENT = 512;

    /** The most rows one INSERT carries: 1,000 events have 18,000 parameters. */
    static final int ROWS_PER_STATEMENT = 1_000;

    /** How long after a confirmation text a repeated double opt-in request queues no second one, by default. */
    public static final Duration DEFAULT_RESEND_WINDOW = Duration.ofMinutes(10);

    private final Connection connection;
    private final Duration resendWindow;
    private final List<OptInConfirmationRequested> confirmations = new ArrayList<>();

    public LedgerWriter(Connection connection) {
        this(connection, DEFAULT_RESEND_WINDOW);
    }

    /** @param resendWindow how long after a confirmation text a repeated request queues no second one */
    public LedgerWriter(Connection connection, Duration resendWindow) {
        this.connection = connection;
        this.resendWindow = resendWindow;
    }

    /** Returns the confirmation texts that the last {@link #append} asked for, in request order. */
    public List<OptInConfirmationRequested> confirmations() {
        return List.copyOf(confirmations);
    }

    private static final class Head {
        int length;
        String hash;

        Head(int length, String hash) {
            this.length = length;
            this.hash = hash;
        }
    }

    private record Key(long contactId, long typeId) {
    }

    private record PendingEvent(ConsentRequest request, int seq, Instant at, String phone, String previousHash,
                                String hash, Long shownTextId) {
    }

    /**
     * Decides and records every request, in order; later requests see the effect of earlier ones.
     *
     * @param contacts the contacts the requests name that exist, by id
     * @param types    the subscription types the requests name that exist, by id
     */
    public List<ConsentOutcome> append(List<ConsentRequest> requests, Map<Long, ContactPhone> contacts,
                                       Map<Long, SubscriptionTypeView> types, Instant now) throws SQLException {
        Instant at = ConsentHashes.truncate(now);
        TreeSet<Long> contactIds = new TreeSet<>();
        for (ConsentRequest request : requests) {
            if (contacts.containsKey(request.contactId())) {
                contactIds.add(request.contactId());
            }
        }
        Map<Long, Head> heads = lockHeads(contactIds);
        Map<Key, ConsentStateView> states = lockStates(contactIds);
        PendingRows pending = new PendingRows(connection);
        confirmations.clear();

        List<ConsentOutcome> outcomes = new ArrayList<>();
        List<PendingEvent> events = new ArrayList<>();
        Map<Key, ConsentStateView> changedStates = new LinkedHashMap<>();
        for (ConsentRequest request : requests) {
            Key key = new Key(request.contactId(), request.subscriptionTypeId());
            SubscriptionTypeView type = types.get(request.subscriptionTypeId());
            Object decision = ConsentRules.decide(request, type, contacts.get(request.contactId()), states.get(key));
            if (request.action() == ConsentAction.OPT_OUT && !(decision instanceof ConsentOutcome.Refused)) {
                pending.cancel(request.contactId(), request.subscriptionTypeId(), at);
            }
            if (decision instanceof ConsentOutcome outcome) {
                outcomes.add(outcome);
                continue;
            }
            ConsentRules.Record record = (ConsentRules.Record) decision;
            if (ConsentRules.needsConfirmation(request, type)) {
                outcomes.add(requestConfirmation(request, record.phone(), pending, at));
                continue;
            }
            Head head = heads.get(request.contactId());
            int seq = head.length + 1;
            ShownText shown = request.evidence().shownText();
            Long shownTextId = shown == null ? null : shownTextId(shown, at);
            String hash = ConsentHashes.hash(fields(request, seq, at, record.phone(), shown, head.hash));
            events.add(new PendingEvent(request, seq, at, record.phone(), head.hash, hash, shownTextId));
            head.length = seq;
            head.hash = hash;
            ConsentStateView state = new ConsentStateView(request.contactId(), request.subscriptionTypeId(),
                    request.action(), seq, request.source(), request.actorKind(), record.phone(), at);
            states.put(key, state);
            changedStates.put(key, state);
            outcomes.add(new ConsentOutcome.Changed(request.contactId(), seq, request.action()));
        }
        if (!events.isEmpty()) {
            insertEvents(events);
            upsertStates(new ArrayList<>(changedStates.values()));
            updateHeads(heads);
        }
        return outcomes;
    }

    /**
     * Stores or refreshes the pending opt-in of a double opt-in type in place of the event, and notes the
     * confirmation text it needs unless one went out within the resend window.
     */
    private ConsentOutcome requestConfirmation(ConsentRequest request, String phone, PendingRows pending, Instant at)
            throws SQLException {
        ShownText shown = request.evidence().shownText();
        Long shownTextId = shown == null ? null : shownTextId(shown, at);
        PendingRows.Requested requested = pending.request(request, phone, shownTextId, at, resendWindow);
        if (requested.queueConfirmation()) {
            confirmations.add(new OptInConfirmationRequested(requested.id(), request.contactId(),
                    request.subscriptionTypeId(), phone, requested.expiresAt()));
        }
        return new ConsentOutcome.Pending(request.contactId(), requested.expiresAt(), requested.queueConfirmation());
    }

    /** Returns the hash fields of an event, as stored. */
    static ConsentHashes.Fields fields(ConsentRequest request, int seq, Instant at, String phone, ShownText shown,
                                       String previousHash) {
        Evidence evidence = request.evidence();
        return new ConsentHashes.Fields(request.contactId(), seq, request.subscriptionTypeId(), request.action().name(),
                at, request.source().name(), request.actorKind().name(), request.actorId(), phone, evidence.ipAddress(),
                userAgent(evidence.userAgent()), evidence.conversationId(), evidence.messageId(),
                shown == null ? null : ShownTexts.sha256(shown), overrideReason(request), request.bulkJobId(),
                previousHash, evidence.keyword(), evidence.inboundSmsId());
    }

    static String userAgent(String userAgent) {
        return userAgent == null || userAgent.length() <= MAX_USER_AGENT ? userAgent : userAgent.substring(0, MAX_USER_AGENT);
    }

    /** Keeps an override reason only on operator opt-ins, the one place it means something. */
    static String overrideReason(ConsentRequest request) {
        if (request.overrideReason() == null || request.overrideReason().isBlank()
                || request.action() != ConsentAction.OPT_IN || request.source().byCustomer()) {
            return null;
        }
        String reason = request.overrideReason().strip();
        return reason.length() <= ConsentRules.MAX_OVERRIDE_REASON ? reason : reason.substring(0, ConsentRules.MAX_OVERRIDE_REASON);
    }

    private Map<Long, Head> lockHeads(TreeSet<Long> contactIds) throws SQLException {
        Map<Long, Head> heads = new HashMap<>();
        if (contactIds.isEmpty()) {
            return heads;
        }
        String rows = String.join(",", Collections.nCopies(contactIds.size(), "(?, 0, ?)"));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO consent_chain (contact_id, length, head_hash) "
                + "VALUES " + rows + " ON DUPLICATE KEY UPDATE length = length")) {
            int index = 1;
            for (long id : contactIds) {
                insert.setLong(index++, id);
                insert.setString(index++, ConsentHashes.GENESIS);
            }
            insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT contact_id, length, head_hash FROM consent_chain "
                + "WHERE contact_id IN (" + marks(contactIds.size()) + ") ORDER BY contact_id FOR UPDATE")) {
            bindIds(select, contactIds, 1);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    heads.put(result.getLong(1), new Head(result.getInt(2), result.getString(3)));
                }
            }
        }
        return heads;
    }

    private Map<Key, ConsentStateView> lockStates(TreeSet<Long> contactIds) throws SQLException {
        Map<Key, ConsentStateView> states = new HashMap<>();
        if (contactIds.isEmpty()) {
            return states;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT " + ConsentReads.STATE_COLUMNS
                + " FROM consent_state WHERE contact_id IN (" + marks(contactIds.size()) + ") FOR UPDATE")) {
            bindIds(select, contactIds, 1);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    ConsentStateView state = ConsentReads.state(result);
                    states.put(new Key(state.contactId(), state.subscriptionTypeId()), state);
                }
            }
        }
        return states;
    }

    /** Returns the id of the stored copy of {@code shown}, storing it when it is new. */
    private long shownTextId(ShownText shown, Instant at) throws SQLException {
        String sha = ShownTexts.sha256(shown);
        // Stored texts never change, so a plain read is enough. The insert below takes an exclusive lock
        // on the row until commit, which every submission of the same form would otherwise wait for.
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM consent_text WHERE sha256 = ?")) {
            select.setString(1, sha);
            try (ResultSet found = select.executeQuery()) {
                if (found.next()) {
                    return found.getLong(1);
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO consent_text "
                + "(sha256, locale, title, button, legal_text, created_at) VALUES (?, ?, ?, ?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)", PreparedStatement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, sha);
            insert.setString(2, shown.locale());
            insert.setString(3, shown.title());
            insert.setString(4, shown.button());
            insert.setString(5, shown.legalText());
            insert.setTimestamp(6, Timestamp.from(at));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (keys.next()) {
                    return keys.getLong(1);
                }
            }
        }
        throw new SQLException("consent_text " + sha + " has no id after its insert");
    }

    /**
     * Inserts the events with multi-row statements of at most {@link #ROWS_PER_STATEMENT} rows: one round
     * trip for a chunk, where the driver's batch would need one per row for the upserts.
     */
    private void insertEvents(List<PendingEvent> events) throws SQLException {
        String columns = "INSERT INTO consent_event (contact_id, seq, subscription_type_id, action, occurred_at, source, "
                + "actor_kind, actor_id, phone, ip_address, user_agent, conversation_id, message_id, consent_text_id, "
                + "keyword, inbound_sms_id, override_reason, bulk_job_id, previous_hash, hash) VALUES ";
        for (List<PendingEvent> part : parts(events)) {
            String rows = String.join(",", Collections.nCopies(part.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            try (PreparedStatement insert = connection.prepareStatement(columns + rows)) {
                int index = 1;
                for (PendingEvent event : part) {
                    ConsentRequest request = event.request();
                    Evidence evidence = request.evidence();
                    insert.setLong(index++, request.contactId());
                    insert.setInt(index++, event.seq());
                    insert.setLong(index++, request.subscriptionTypeId());
                    insert.setString(index++, request.action().name());
                    insert.setTimestamp(index++, Timestamp.from(event.at()));
                    insert.setString(index++, request.source().name());
                    insert.setString(index++, request.actorKind().name());
                    insert.setString(index++, request.actorId());
                    insert.setString(index++, event.phone());
                    insert.setString(index++, evidence.ipAddress());
                    insert.setString(index++, userAgent(evidence.userAgent()));
                    setLong(insert, index++, evidence.conversationId());
                    setLong(insert, index++, evidence.messageId());
                    setLong(insert, index++, event.shownTextId());
                    insert.setString(index++, evidence.keyword());
                    setLong(insert, index++, evidence.inboundSmsId());
                    insert.setString(index++, overrideReason(request));
                    setLong(insert, index++, request.bulkJobId());
                    insert.setString(index++, event.previousHash());
                    insert.setString(index++, event.hash());
                }
                insert.executeUpdate();
            }
        }
    }

    private void upsertStates(List<ConsentStateView> states) throws SQLException {
        for (List<ConsentStateView> part : parts(states)) {
            String rows = String.join(",", Collections.nCopies(part.size(), "(?, ?, ?, ?, ?, ?, ?, ?)"));
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO consent_state (contact_id, "
                    + "subscription_type_id, state, event_seq, source, actor_kind, phone, changed_at) VALUES " + rows
                    + " ON DUPLICATE KEY UPDATE state = VALUES(state), event_seq = VALUES(event_seq), "
                    + "source = VALUES(source), actor_kind = VALUES(actor_kind), phone = VALUES(phone), "
                    + "changed_at = VALUES(changed_at)")) {
                int index = 1;
                for (ConsentStateView state : part) {
                    upsert.setLong(index++, state.contactId());
                    upsert.setLong(index++, state.subscriptionTypeId());
                    upsert.setString(index++, state.state().name());
                    upsert.setInt(index++, state.eventSeq());
                    upsert.setString(index++, state.source().name());
                    upsert.setString(index++, state.actorKind().name());
                    upsert.setString(index++, state.phone());
                    upsert.setTimestamp(index++, Timestamp.from(state.changedAt()));
                }
                upsert.executeUpdate();
            }
        }
    }

    /** Splits rows into parts of at most {@link #ROWS_PER_STATEMENT}, which keeps a statement's parameters well under 65,535. */
    private static <T> List<List<T>> parts(List<T> rows) {
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            parts.add(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT)));
        }
        return parts;
    }

    /**
     * Writes the new heads in one statement. The rows exist and are locked already. It is an upsert
     * because the driver sends a batch of UPDATEs as one round trip per row, and a chunk has 1,000 heads.
     */
    private void updateHeads(Map<Long, Head> heads) throws SQLException {
        String rows = String.join(",", Collections.nCopies(heads.size(), "(?, ?, ?)"));
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO consent_chain (contact_id, length, "
                + "head_hash) VALUES " + rows + " ON DUPLICATE KEY UPDATE length = VALUES(length), "
                + "head_hash = VALUES(head_hash)")) {
            int index = 1;
            for (Map.Entry<Long, Head> entry : heads.entrySet()) {
                upsert.setLong(index++, entry.getKey());
                upsert.setInt(index++, entry.getValue().length);
                upsert.setString(index++, entry.getValue().hash);
            }
            upsert.executeUpdate();
        }
    }

    static String marks(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    private static void bindIds(PreparedStatement statement, Iterable<Long> ids, int first) throws SQLException {
        int index = first;
        for (long id : ids) {
            statement.setLong(index++, id);
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
