package org.optline.bench.forms;

import org.optline.subscriptions.api.ChainVerification;
import org.optline.subscriptions.control.ConsentReads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks after the form load that every submission did all its work, because a fast run that lost work
 * means nothing. For each Optline pool: one FORM opt-in event per submitted form, with the form's
 * conversation and part as evidence and the typed number, one submission row, one state, one event line
 * in the conversation, and the number on the contact; the chains of a sample verified with Optline's
 * {@link ConsentReads#verify}. For each baseline pool: one event, one state and the number per contact.
 * Every count must lie between wrk's completed requests and that plus the requests that can have been
 * in flight when wrk stopped, one per connection.
 */
public final class FormCheck {

    /** How many submitted forms per pool get their contact's chain verified and their number compared. */
    static final int SAMPLE = 200;

    private final Connection connection;
    private final Path workDir;
    private final int connections;

    public FormCheck(Connection connection, Path workDir, int connections) {
        this.connection = connection;
        this.workDir = workDir;
        this.connections = connections;
    }

    /** Checks the Optline pool {@code range}, whose load completed {@code requests} requests. */
    public void verifyOptline(FormPools pools, FormPools.Range range, long requests) throws SQLException, IOException {
        long firstForm = pools.formId(range.first());
        long lastForm = pools.formId(range.last());
        long submitted = count("SELECT COUNT(*) FROM optin_form WHERE id BETWEEN ? AND ? AND state = 'SUBMITTED'",
                firstForm, lastForm);
        requireInFlightBounds(range, submitted, requests);
        long submissions = count("SELECT COUNT(*) FROM optin_form_submission WHERE form_id BETWEEN ? AND ?",
                firstForm, lastForm);
        long events = count("SELECT COUNT(*) FROM consent_event WHERE contact_id BETWEEN ? AND ? AND source = 'FORM'",
                range.first(), range.last());
        long contactsWithEvents = count("SELECT COUNT(DISTINCT contact_id) FROM consent_event WHERE contact_id "
                + "BETWEEN ? AND ? AND source = 'FORM'", range.first(), range.last());
        // One row per event whose evidence, submission row, contact number and state all agree.
        long complete = count("SELECT COUNT(*) FROM consent_event e "
                + "JOIN optin_form f ON f.conversation_id = e.conversation_id AND f.part_id = e.message_id "
                + "JOIN optin_form_submission s ON s.form_id = f.id AND s.contact_id = e.contact_id AND s.consent_event_seq = e.seq "
                + "AND s.phone = e.phone "
                + "JOIN contact c ON c.id = e.contact_id AND c.phone = e.phone "
                + "JOIN consent_state st ON st.contact_id = e.contact_id AND st.subscription_type_id = e.subscription_type_id "
                + "AND st.event_seq = e.seq AND st.state = 'OPT_IN' "
                + "WHERE e.contact_id BETWEEN ? AND ? AND e.source = 'FORM' AND e.action = 'OPT_IN' "
                + "AND e.actor_kind = 'CUSTOMER' AND e.consent_text_id IS NOT NULL AND e.subscription_type_id = "
                + FormSetup.TYPE.id(), range.first(), range.last());
        long eventLines = count("SELECT COUNT(*) FROM conversation_part WHERE conversation_id BETWEEN ? AND ? "
                + "AND kind = 'EVENT'", pools.conversationId(range.first()), pools.conversationId(range.last()));
        require(submissions == submitted, range, submissions + " submission rows for " + submitted + " submitted forms");
        require(events == submitted, range, events + " FORM events for " + submitted + " submitted forms");
        require(contactsWithEvents == events, range, events + " FORM events on only " + contactsWithEvents + " contacts");
        require(complete == submitted, range, "only " + complete + " of " + submitted + " events agree with their form, "
                + "submission row, contact number and state");
        require(eventLines == submitted, range, eventLines + " event lines in the conversations for " + submitted
                + " submitted forms");

        Map<Long, String[]> sent = new HashMap<>();
        for (String line : Files.readAllLines(workDir.resolve(range.name() + ".visitors.tsv"))) {
            String[] row = line.split("\t");
            sent.put(Long.parseLong(row[0]), row);
        }
        int verified = 0;
        ConsentReads reads = new ConsentReads(connection);
        for (long formId : sampleSubmitted(firstForm, lastForm, submitted)) {
            String[] row = sent.get(formId);
            long contactId = pools.contactOfForm(formId);
            String phone = phone(contactId);
            require(phone != null && phone.equals(row[3]), range, "contact " + contactId + " has the number " + phone + " but the form "
                    + "was sent " + row[2] + ", which is " + row[3]);
            ChainVerification chain = reads.verify(contactId);
            require(chain.intact(), range, "the consent chain of contact " + contactId + " is broken: " + chain.problem());
            verified++;
        }
        System.out.printf("Checked %s: %d forms submitted for %d completed requests, one FORM event each; "
                + "%d chains verified%n", range.name(), submitted, requests, verified);
    }

    /** Checks the baseline pool {@code range}, whose load completed {@code requests} requests. */
    public void verifyBaseline(FormPools.Range range, String actorId, long requests) throws SQLException {
        long contactsOptedIn = count("SELECT COUNT(*) FROM consent_state WHERE contact_id BETWEEN ? AND ? "
                + "AND subscription_type_id = " + FormSetup.TYPE.id() + " AND state = 'OPT_IN'", range.first(), range.last());
        requireInFlightBounds(range, contactsOptedIn, requests);
        long events = count("SELECT COUNT(*) FROM consent_event WHERE contact_id BETWEEN ? AND ? AND actor_id = '"
                + actorId + "'", range.first(), range.last());
        long withPhone = count("SELECT COUNT(*) FROM contact WHERE id BETWEEN ? AND ? AND phone IS NOT NULL",
                range.first(), range.last());
        require(events == contactsOptedIn, range, events + " baseline events for " + contactsOptedIn + " opted-in contacts");
        require(withPhone == contactsOptedIn, range, withPhone + " contacts have a number for " + contactsOptedIn
                + " opted in");
        System.out.printf("Checked %s: %d contacts opted in for %d completed requests, one event each%n", range.name(),
                contactsOptedIn, requests);
    }

    private void requireInFlightBounds(FormPools.Range range, long done, long requests) {
        require(done >= requests && done <= requests + connections, range, done + " recorded for " + requests
                + " completed requests; expected between that and " + (requests + connections));
    }

    /** Returns the ids of about {@link #SAMPLE} submitted forms spread over the pool. */
    private List<Long> sampleSubmitted(long firstForm, long lastForm, long submitted) throws SQLException {
        List<Long> ids = new ArrayList<>();
        long step = Math.max(1, submitted / SAMPLE);
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM optin_form WHERE id BETWEEN ? AND ? "
                + "AND state = 'SUBMITTED' ORDER BY id")) {
            select.setLong(1, firstForm);
            select.setLong(2, lastForm);
            try (ResultSet rows = select.executeQuery()) {
                for (long index = 0; rows.next(); index++) {
                    if (index % step == 0) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
        }
        return ids;
    }

    private String phone(long contactId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT phone FROM contact WHERE id = ?")) {
            select.setLong(1, contactId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private long count(String sql, long first, long last) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, first);
            select.setLong(2, last);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void require(boolean condition, FormPools.Range range, String problem) {
        if (!condition) {
            throw new IllegalStateException("Form check of " + range.name() + " failed: " + problem + ".");
        }
    }
}
