package org.optline.subscriptions.control;

import org.optline.platform.StoredEnums;
import org.optline.subscriptions.api.ActorKind;
import org.optline.subscriptions.api.ChainVerification;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentEventView;
import org.optline.subscriptions.api.ConsentSource;
import org.optline.subscriptions.api.ConsentStateView;
import org.optline.subscriptions.api.ContactConsents;
import org.optline.subscriptions.api.ShownText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Reads a contact's consent events and states, and checks its chain. */
public final class ConsentReads {

    static final String STATE_COLUMNS = "contact_id, subscription_type_id, state, event_seq, source, actor_kind, phone, changed_at";

    private static final String EVENT_COLUMNS = "e.id, e.contact_id, e.seq, e.subscription_type_id, e.action, e.occurred_at, "
            + "e.source, e.actor_kind, e.actor_id, e.phone, e.ip_address, e.user_agent, e.conversation_id, e.message_id, "
            + "e.keyword, e.inbound_sms_id, e.override_reason, e.bulk_job_id, e.previous_hash, e.hash, t.sha256 AS text_sha256, t.locale, t.title, t.button, "
            + "t.legal_text";

    private final Connection connection;

    public ConsentReads(Connection connection) {
        this.connection = connection;
    }

    /** Returns the contact's events, oldest first. */
    public List<ConsentEventView> events(long contactId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + EVENT_COLUMNS + " FROM consent_event e "
                + "LEFT JOIN consent_text t ON t.id = e.consent_text_id WHERE e.contact_id = ? ORDER BY e.seq")) {
            select.setLong(1, contactId);
            List<ConsentEventView> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(event(rows));
                }
            }
            return events;
        }
    }

    /** Returns the contact's current explicit states, by subscription type id. */
    public Map<Long, ConsentStateView> states(long contactId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + STATE_COLUMNS
                + " FROM consent_state WHERE contact_id = ?")) {
            select.setLong(1, contactId);
            Map<Long, ConsentStateView> states = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ConsentStateView state = state(rows);
                    states.put(state.subscriptionTypeId(), state);
                }
            }
            return states;
        }
    }

    /**
     * Returns the phone and explicit states of a contact that exists and is not deleted, in one query,
     * or empty when there is no such contact. It reads the contact's {@code id}, {@code phone} and
     * {@code deleted_at} columns, which {@code Contacts.phones} reads too, so that a hot read path needs
     * one round trip.
     */
    public Optional<ContactConsents> contactConsents(long contactId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT c.phone AS contact_phone, s.contact_id, "
                + "s.subscription_type_id, s.state, s.event_seq, s.source, s.actor_kind, s.phone, s.changed_at "
                + "FROM contact c LEFT JOIN consent_state s ON s.contact_id = c.id "
                + "WHERE c.id = ? AND c.deleted_at IS NULL")) {
            select.setLong(1, contactId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                String phone = rows.getString("contact_phone");
                Map<Long, ConsentStateView> states = new HashMap<>();
                do {
                    rows.getLong("contact_id");
                    if (!rows.wasNull()) {
                        ConsentStateView state = state(rows);
                        states.put(state.subscriptionTypeId(), state);
                    }
                } while (rows.next());
                return Optional.of(new ContactConsents(contactId, phone, states));
            }
        }
    }

    /**
     * Recomputes every hash of the contact's chain, follows every link, and compares the chain head and
     * the state projection with the events.
     */
    public ChainVerification verify(long contactId) throws SQLException {
        List<ConsentEventView> events = events(contactId);
        String previous = ConsentHashes.GENESIS;
        Map<Long, ConsentEventView> latestByType = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            ConsentEventView event = events.get(i);
            if (event.seq() != i + 1) {
                return broken(contactId, events, "Event " + (i + 1) + " is missing: the chain jumps to event " + event.seq() + ".");
            }
            if (!event.previousHash().equals(previous)) {
                return broken(contactId, events, "Event " + event.seq() + " does not link to event " + (event.seq() - 1)
                        + ": its previous hash differs.");
            }
            String recomputed = ConsentHashes.hash(new ConsentHashes.Fields(event.contactId(), event.seq(),
                    event.subscriptionTypeId(), event.action().name(), event.occurredAt(), event.source().name(),
                    event.actorKind().name(), event.actorId(), event.phone(), event.ipAddress(), event.userAgent(),
                    event.conversationId(), event.messageId(),
                    event.shownText() == null ? null : ShownTexts.sha256(event.shownText()), event.overrideReason(),
                    event.bulkJobId(), event.previousHash(), event.keyword(), event.inboundSmsId()));
            if (!recomputed.equals(event.hash())) {
                return broken(contactId, events, "Event " + event.seq() + " was altered: its content no longer matches its hash.");
            }
            previous = event.hash();
            latestByType.put(event.subscriptionTypeId(), event);
        }
        String headProblem = compareHead(contactId, events.size(), previous);
        if (headProblem != null) {
            return broken(contactId, events, headProblem);
        }
        Map<Long, ConsentStateView> states = states(contactId);
        if (!states.keySet().equals(latestByType.keySet())) {
            return broken(contactId, events, "The current state lists subscription types " + states.keySet()
                    + " but the events concern " + latestByType.keySet() + ".");
        }
        for (ConsentEventView latest : latestByType.values()) {
            ConsentStateView state = states.get(latest.subscriptionTypeId());
            if (state.eventSeq() != latest.seq() || state.state() != latest.action()
                    || !Objects.equals(state.phone(), latest.phone())) {
                return broken(contactId, events, "The current state for subscription type " + latest.subscriptionTypeId()
                        + " disagrees with its latest event " + latest.seq() + ".");
            }
        }
        return new ChainVerification(contactId, events.size(), previous, null);
    }

    private String compareHead(long contactId, int length, String lastHash) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT length, head_hash FROM consent_chain WHERE contact_id = ?")) {
            select.setLong(1, contactId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return length == 0 ? null : "The chain head is missing although " + length + " events exist.";
                }
                if (rows.getInt(1) != length) {
                    return "The chain head counts " + rows.getInt(1) + " events but " + length + " exist: events were removed.";
                }
                if (!rows.getString(2).equals(lastHash)) {
                    return "The chain head's hash differs from the last event's hash.";
                }
                return null;
            }
        }
    }

    private static ChainVerification broken(long contactId, List<ConsentEventView> events, String problem) {
        return new ChainVerification(contactId, events.size(), null, problem);
    }

    /** Returns the explicit states for one type of those of {@code contactIds} that have one, by contact id. */
    public Map<Long, ConsentStateView> statesFor(long typeId, Collection<Long> contactIds) throws SQLException {
        Map<Long, ConsentStateView> states = new HashMap<>();
        if (contactIds.isEmpty()) {
            return states;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT s.contact_id, s.subscription_type_id, "
                + "s.state, s.event_seq, s.source, s.actor_kind, s.phone, s.changed_at FROM consent_state s "
                + "WHERE s.subscription_type_id = ? AND s.contact_id IN ("
                + String.join(",", Collections.nCopies(contactIds.size(), "?")) + ")")) {
            select.setLong(1, typeId);
            int index = 2;
            for (long contactId : contactIds) {
                select.setLong(index++, contactId);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ConsentStateView state = state(rows);
                    states.put(state.contactId(), state);
                }
            }
        }
        return states;
    }

    /**
     * Reads a {@code consent_state} row. Names are read ignoring case, as SQL compares them. A state other
     * than an opt-in or an opt-out, which the table's CHECK constraint rejects, reads as an opt-out, as
     * the audience queries count it, so it never lets a contact be texted.
     */
    static ConsentStateView state(ResultSet row) throws SQLException {
        ConsentAction state = StoredEnums.find(ConsentAction.class, row.getString("state")).orElse(ConsentAction.OPT_OUT);
        return new ConsentStateView(row.getLong("contact_id"), row.getLong("subscription_type_id"), state,
                row.getInt("event_seq"), StoredEnums.require(ConsentSource.class, row.getString("source"), "consent_state.source"),
                StoredEnums.require(ActorKind.class, row.getString("actor_kind"), "consent_state.actor_kind"),
                row.getString("phone"), row.getTimestamp("changed_at").toInstant());
    }

    private static ConsentEventView event(ResultSet row) throws SQLException {
        String title = row.getString("title");
        String button = row.getString("button");
        String legal = row.getString("legal_text");
        String locale = row.getString("locale");
        ShownText shown = row.getString("text_sha256") == null ? null : new ShownText(locale, title, button, legal);
        return new ConsentEventView(row.getLong("id"), row.getLong("contact_id"), row.getInt("seq"),
                row.getLong("subscription_type_id"), StoredEnums.require(ConsentAction.class, row.getString("action"),
                        "consent_event.action"), row.getTimestamp("occurred_at").toInstant(),
                StoredEnums.require(ConsentSource.class, row.getString("source"), "consent_event.source"),
                StoredEnums.require(ActorKind.class, row.getString("actor_kind"), "consent_event.actor_kind"),
                row.getString("actor_id"), row.getString("phone"),
                row.getString("ip_address"), row.getString("user_agent"), nullableLong(row, "conversation_id"),
                nullableLong(row, "message_id"), shown, row.getString("override_reason"), nullableLong(row, "bulk_job_id"),
                row.getString("previous_hash"), row.getString("hash"), row.getString("keyword"),
                nullableLong(row, "inbound_sms_id"));
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
