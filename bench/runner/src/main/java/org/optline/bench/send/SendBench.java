package org.optline.bench.send;

import org.optline.bench.audience.AdminSession;
import org.optline.bench.data.Catalog;
import org.optline.contacts.api.LineType;

import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Times an SMS send under the opt-in type "Order updates" to every contact reachable under it, through
 * the sandbox gateway, and the same work done with plain JDBC in the same run.
 *
 * <p>The baseline lists the recipients, then takes them 1,000 at a time in one transaction each: it
 * reads each contact's number, opt-in state and number block (the per-message consent check), keeps
 * the first contact of each number (in memory: one process, where Optline's instances claim numbers in
 * the database), and writes a preference link, the outbox message and the
 * recipient's SENT state with one multi-row statement per table. Optline's send is created as the
 * admin's compose form creates it and timed from its creation to its DONE state in the database.
 */
public final class SendBench {

    private static final Catalog.Type TYPE = Catalog.ORDER_UPDATES;
    private static final int CHUNK = 1_000;
    private static final String BODY = "Hi {{first_name}}, your order has shipped. Track it in your account.";
    private static final String OPT_OUT = "Reply STOP to unsubscribe.";
    private static final String LINK_BASE = "https://optline.invalid/p/";
    private static final String SMS_CAPABLE = Arrays.stream(LineType.values()).filter(LineType::smsCapable)
            .map(type -> "'" + type.name() + "'").collect(Collectors.joining(", "));
    private static final Pattern SEND_PAGE = Pattern.compile("^/admin/messages/([0-9]+)$");
    private static final Duration TIMEOUT = Duration.ofMinutes(60);

    private final Connection connection;
    private final SecureRandom random = new SecureRandom();
    /** The numbers the baseline texted: one message per number, as Optline's send. */
    private final Set<String> phones = new HashSet<>();

    public SendBench(Connection connection) {
        this.connection = connection;
    }

    /** Runs the baseline, then Optline's send, checks both and prints their figures. */
    public void run(String baseUrl, String adminEmail, String adminPassword) throws SQLException, IOException,
            InterruptedException {
        int baselineSent = baseline();
        AdminSession admin = AdminSession.signIn(baseUrl, adminEmail, adminPassword);
        String location = admin.postForRedirect("/admin/messages", "body", BODY, "subscription_type_id",
                String.valueOf(TYPE.id()), "when", "now");
        Matcher page = SEND_PAGE.matcher(location);
        if (!page.matches()) {
            throw new IllegalStateException("Creating the send redirected to '" + location + "', not to a send page.");
        }
        long sendId = Long.parseLong(page.group(1));
        awaitDone(sendId);
        report(sendId, baselineSent);
    }

    /** Sends through plain JDBC and returns how many messages it wrote. */
    private int baseline() throws SQLException {
        connection.setAutoCommit(false);
        long start = System.nanoTime();
        long sendId = insertBaselineSend();
        List<Long> recipients = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT c.id FROM contact c JOIN consent_state s "
                + "ON s.contact_id = c.id AND s.subscription_type_id = ? AND s.state = 'OPT_IN' AND s.phone = c.phone "
                + "WHERE c.deleted_at IS NULL AND c.phone IS NOT NULL AND c.phone_type IN (" + SMS_CAPABLE + ") "
                + "ORDER BY c.id")) {
            select.setLong(1, TYPE.id());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    recipients.add(rows.getLong(1));
                }
            }
        }
        for (int from = 0; from < recipients.size(); from += CHUNK) {
            insertRecipients(sendId, recipients.subList(from, Math.min(from + CHUNK, recipients.size())));
        }
        connection.commit();
        long listed = System.nanoTime();
        int sent = 0;
        for (int from = 0; from < recipients.size(); from += CHUNK) {
            sent += sendChunk(sendId, recipients.subList(from, Math.min(from + CHUNK, recipients.size())));
            connection.commit();
        }
        long done = System.nanoTime();
        connection.setAutoCommit(true);
        double seconds = (done - start) / 1e9;
        System.out.printf(Locale.ROOT, "RESULT send_baseline_recipients=%d%nRESULT send_baseline_sent=%d%n"
                        + "RESULT send_baseline_list_seconds=%.3f%nRESULT send_baseline_seconds=%.3f%n"
                        + "RESULT send_baseline_per_second=%.0f%n",
                recipients.size(), sent, (listed - start) / 1e9, seconds, sent / seconds);
        return sent;
    }

    private long insertBaselineSend() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sms_send (subscription_type_id, body, "
                + "created_by, created_at, scheduled_at, state, started_at) VALUES (?, ?, 'bench-baseline', "
                + "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), 'DONE', UTC_TIMESTAMP(6))", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, TYPE.id());
            insert.setString(2, BODY);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void insertRecipients(long sendId, List<Long> contactIds) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sms_recipient (send_id, contact_id, "
                + "not_before, idempotency_key, updated_at) VALUES "
                + String.join(",", Collections.nCopies(contactIds.size(), "(?, ?, UTC_TIMESTAMP(6), ?, UTC_TIMESTAMP(6))")))) {
            int index = 1;
            for (long contactId : contactIds) {
                insert.setLong(index++, sendId);
                insert.setLong(index++, contactId);
                insert.setString(index++, "bench-baseline-" + sendId + "-" + contactId);
            }
            insert.executeUpdate();
        }
    }

    private record Message(long contactId, String phone, String text, byte[] linkHash) {
    }

    /** Checks and sends one chunk of recipients in the open transaction, and returns how many it sent. */
    private int sendChunk(long sendId, List<Long> contactIds) throws SQLException {
        String ids = String.join(",", Collections.nCopies(contactIds.size(), "?"));
        List<Message> messages = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT c.id, c.phone, c.name, s.state, s.phone, "
                + "b.phone IS NOT NULL FROM contact c "
                + "LEFT JOIN consent_state s ON s.contact_id = c.id AND s.subscription_type_id = ? "
                + "LEFT JOIN sms_number_block b ON b.phone = c.phone "
                + "WHERE c.deleted_at IS NULL AND c.phone_type IN (" + SMS_CAPABLE + ") AND c.id IN (" + ids + ") "
                + "ORDER BY c.id")) {
            select.setLong(1, TYPE.id());
            bindIds(select, 2, contactIds);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String phone = rows.getString(2);
                    boolean optedIn = "OPT_IN".equals(rows.getString(4)) && phone != null && phone.equals(rows.getString(5));
                    if (optedIn && !rows.getBoolean(6) && phones.add(phone)) {
                        byte[] hash = new byte[32];
                        random.nextBytes(hash);
                        String name = rows.getString(3);
                        String first = name == null ? "" : name.split(" ", 2)[0];
                        messages.add(new Message(rows.getLong(1), phone, BODY.replace("{{first_name}}", first) + "\n"
                                + OPT_OUT + " " + LINK_BASE + Long.toHexString(random.nextLong()), hash));
                    }
                }
            }
        }
        if (messages.isEmpty()) {
            return 0;
        }
        String three = String.join(",", Collections.nCopies(messages.size(), "(?, ?, UTC_TIMESTAMP(6), ?)"));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO preference_link (token_hash, contact_id, "
                + "created_at, expires_at) VALUES " + three)) {
            int index = 1;
            Timestamp expires = Timestamp.from(Instant.now().plus(Duration.ofDays(90)));
            for (Message message : messages) {
                insert.setBytes(index++, message.linkHash());
                insert.setLong(index++, message.contactId());
                insert.setTimestamp(index++, expires);
            }
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sms_outbox (idempotency_key, to_number, "
                + "body, created_at) VALUES " + String.join(",", Collections.nCopies(messages.size(),
                "(?, ?, ?, UTC_TIMESTAMP(6))")))) {
            int index = 1;
            for (Message message : messages) {
                insert.setString(index++, "bench-baseline-" + sendId + "-" + message.contactId());
                insert.setString(index++, message.phone());
                insert.setString(index++, message.text());
            }
            insert.executeUpdate();
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE sms_recipient SET state = 'SENT', "
                + "attempts = 1, sent_at = UTC_TIMESTAMP(6), updated_at = UTC_TIMESTAMP(6) WHERE send_id = ? "
                + "AND contact_id IN (" + String.join(",", Collections.nCopies(messages.size(), "?")) + ")")) {
            update.setLong(1, sendId);
            bindIds(update, 2, messages.stream().map(Message::contactId).toList());
            update.executeUpdate();
        }
        return messages.size();
    }

    private static void bindIds(PreparedStatement statement, int first, List<Long> ids) throws SQLException {
        int index = first;
        for (long id : ids) {
            statement.setLong(index++, id);
        }
    }

    private void awaitDone(long sendId) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!"DONE".equals(single("SELECT state FROM sms_send WHERE id = ?", sendId))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("SMS send " + sendId + " was not DONE after " + TIMEOUT.toMinutes()
                        + " minutes; see Payara's log in the run folder.");
            }
            Thread.sleep(200);
        }
    }

    /** Prints Optline's figures and fails when its outcome differs from the baseline's. */
    private void report(long sendId, int baselineSent) throws SQLException {
        Map<String, Long> states = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT CONCAT(state, COALESCE(CONCAT(' ', reason), "
                + "'')), COUNT(*) FROM sms_recipient WHERE send_id = ? GROUP BY 1 ORDER BY 1")) {
            select.setLong(1, sendId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    states.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        double seconds = Double.parseDouble(single("SELECT TIMESTAMPDIFF(MICROSECOND, created_at, finished_at) / 1e6 "
                + "FROM sms_send WHERE id = ?", sendId));
        long sent = states.getOrDefault("SENT", 0L);
        long outbox = Long.parseLong(single("SELECT COUNT(*) FROM sms_outbox o JOIN sms_recipient r "
                + "ON r.idempotency_key = o.idempotency_key WHERE r.send_id = ?", sendId));
        long withLink = Long.parseLong(single("SELECT COUNT(*) FROM sms_outbox o JOIN sms_recipient r "
                + "ON r.idempotency_key = o.idempotency_key WHERE r.send_id = ? AND o.body LIKE '%STOP%/p/%'", sendId));
        long recipients = states.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "Optline's send %d: %s%n", sendId, states);
        System.out.printf(Locale.ROOT, "RESULT send_optline_recipients=%d%nRESULT send_optline_sent=%d%n"
                        + "RESULT send_optline_seconds=%.3f%nRESULT send_optline_per_second=%.0f%n",
                recipients, sent, seconds, sent / seconds);
        if (states.keySet().stream().anyMatch(state -> state.startsWith("HELD"))) {
            throw new IllegalStateException("Quiet hours held messages of send " + sendId + " (" + states + "); bench/run "
                    + "sets a window far from now, so check its quiet-hours settings. The figures compare different work.");
        }
        if (sent != baselineSent || outbox != sent || withLink != sent) {
            throw new IllegalStateException("Send " + sendId + " sent " + sent + " messages with " + outbox + " in the "
                    + "outbox (" + withLink + " with the opt-out text and link), the baseline " + baselineSent
                    + ". Both should text each reachable number once; fix the disagreement first.");
        }
        System.out.printf(Locale.ROOT, "Checked the send: %d messages, one per reachable number, each in the outbox "
                + "with the opt-out text and a preference link%n", sent);
    }

    private String single(String sql, long parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("No row for " + sql + " with " + parameter);
                }
                return rows.getString(1);
            }
        }
    }
}
