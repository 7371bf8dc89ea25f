package org.optline.bench.forms;

import org.optline.bench.data.Catalog;
import org.optline.optinform.control.FormContent;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Prepares the form benchmark with plain SQL on the run's copy of the data, before Payara Micro starts.
 * It adds leads without a phone number, each with the visitor id the widget would have stored and an
 * open MESSENGER conversation. Each conversation gets an opt-in form for the live SMS opt-in type
 * "Order updates" in an app part, as an agent's insert through the composer leaves it. It adds the
 * baseline's contacts too, and puts the benchmark's origin on the messenger allow-list.
 *
 * <p>It writes one file per pool into the work folder: {@code optline-*.visitors.tsv} with the form id,
 * the visitor id, the number as typed and its E.164 form, and {@code baseline-*.tsv} with the contact id
 * and the E.164 number.
 */
public final class FormSetup {

    /** The agent recorded as having inserted the forms. */
    static final String AGENT = "bench-agent@example.com";
    static final Catalog.Type TYPE = Catalog.ORDER_UPDATES;
    private static final int COMMIT_EVERY = 5_000;

    private final Connection connection;
    private final Path workDir;
    private final NationalNumbers numbers = new NationalNumbers();

    public FormSetup(Connection connection, Path workDir) {
        this.connection = connection;
        this.workDir = workDir;
    }

    /**
     * Adds {@code warmupForms + measuredForms} forms for Optline and as many contacts for the baseline.
     *
     * @param origin the origin the benchmark's session requests name, such as {@code http://127.0.0.1:8682}
     */
    public void run(int warmupForms, int measuredForms, String origin) throws SQLException, IOException {
        Files.createDirectories(workDir);
        long firstContact = next("contact");
        FormPools.Range optlineWarmup = new FormPools.Range("optline-warmup", firstContact, warmupForms);
        FormPools.Range optlineMeasured = new FormPools.Range("optline-measured", optlineWarmup.last() + 1, measuredForms);
        FormPools.Range baselineWarmup = new FormPools.Range("baseline-warmup", optlineMeasured.last() + 1, warmupForms);
        FormPools.Range baselineMeasured = new FormPools.Range("baseline-measured", baselineWarmup.last() + 1,
                measuredForms);
        long formVersionId = insertFormVersion();
        // Ids follow the existing rows, so that conversation, part and form ids are the contact id plus an offset.
        FormPools pools = new FormPools(optlineWarmup, optlineMeasured, baselineWarmup, baselineMeasured,
                next("conversation") - firstContact, next("conversation_part") - firstContact,
                next("optin_form") - firstContact, formVersionId);

        long started = System.nanoTime();
        connection.setAutoCommit(false);
        try {
            for (FormPools.Range range : new FormPools.Range[]{optlineWarmup, optlineMeasured}) {
                insertOptlinePool(pools, range);
            }
            for (FormPools.Range range : new FormPools.Range[]{baselineWarmup, baselineMeasured}) {
                insertBaselinePool(range);
            }
            allowOrigin(origin);
            connection.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        pools.save(workDir);
        System.out.printf("Added %d forms for Optline and %d contacts for the baseline in %.1f s; contacts %d to %d%n",
                warmupForms + measuredForms, warmupForms + measuredForms, (System.nanoTime() - started) / 1e9,
                firstContact, baselineMeasured.last());
    }

    private long next(String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Stores the form's texts the way the composer does: sanitized, hashed, once per distinct content. */
    private long insertFormVersion() throws SQLException {
        FormContent content = FormContent.typed("Get order updates by text?", "Yes, text me",
                "By tapping <b>Yes, text me</b> you agree to receive texts about your orders. Msg &amp; data rates "
                        + "may apply. Reply STOP to cancel, HELP for help.");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO optin_form_version (sha256, title, "
                + "button, legal_html, created_at) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE id = id")) {
            insert.setString(1, content.sha256());
            insert.setString(2, content.title());
            insert.setString(3, content.button());
            insert.setString(4, content.legalHtml());
            insert.setTimestamp(5, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM optin_form_version WHERE sha256 = ?")) {
            select.setString(1, content.sha256());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void insertOptlinePool(FormPools pools, FormPools.Range range) throws SQLException, IOException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement contact = insertContact();
             PreparedStatement visitor = connection.prepareStatement(
                     "INSERT INTO messenger_visitor (visitor_id, contact_id, created_at) VALUES (?, ?, ?)");
             PreparedStatement conversation = connection.prepareStatement("INSERT INTO conversation (id, contact_id, "
                     + "channel, state, started_by, created_at, updated_at, version) "
                     + "VALUES (?, ?, 'MESSENGER', 'OPEN', NULL, ?, ?, 1)");
             PreparedStatement part = connection.prepareStatement("INSERT INTO conversation_part (id, conversation_id, "
                     + "kind, author_id, body, app_type, app_ref, created_at) VALUES (?, ?, 'APP', ?, NULL, 'optin_form', ?, ?)");
             PreparedStatement form = connection.prepareStatement("INSERT INTO optin_form (id, subscription_type_id, "
                     + "conversation_id, part_id, form_version_id, created_by, state, created_at, updated_at, version) "
                     + "VALUES (?, ?, ?, ?, ?, ?, 'WAITING', ?, ?, 0)");
             BufferedWriter file = Files.newBufferedWriter(workDir.resolve(range.name() + ".visitors.tsv"))) {
            for (long id = range.first(); id <= range.last(); id++) {
                bindContact(contact, id, now);
                visitor.setString(1, FormPools.visitorId(id));
                visitor.setLong(2, id);
                visitor.setTimestamp(3, now);
                visitor.addBatch();
                conversation.setLong(1, pools.conversationId(id));
                conversation.setLong(2, id);
                conversation.setTimestamp(3, now);
                conversation.setTimestamp(4, now);
                conversation.addBatch();
                part.setLong(1, pools.partId(id));
                part.setLong(2, pools.conversationId(id));
                part.setString(3, AGENT);
                part.setLong(4, pools.formId(id));
                part.setTimestamp(5, now);
                part.addBatch();
                form.setLong(1, pools.formId(id));
                form.setLong(2, TYPE.id());
                form.setLong(3, pools.conversationId(id));
                form.setLong(4, pools.partId(id));
                form.setLong(5, pools.formVersionId());
                form.setString(6, AGENT);
                form.setTimestamp(7, now);
                form.setTimestamp(8, now);
                form.addBatch();
                NationalNumbers.Number number = numbers.next();
                file.write(pools.formId(id) + "\t" + FormPools.visitorId(id) + "\t" + number.typed() + "\t"
                        + number.e164() + "\n");
                if ((id - range.first() + 1) % COMMIT_EVERY == 0 || id == range.last()) {
                    // Parents before children, because of the foreign keys.
                    contact.executeBatch();
                    visitor.executeBatch();
                    conversation.executeBatch();
                    form.executeBatch();
                    part.executeBatch();
                    connection.commit();
                }
            }
        }
    }

    private void insertBaselinePool(FormPools.Range range) throws SQLException, IOException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement contact = insertContact();
             BufferedWriter file = Files.newBufferedWriter(workDir.resolve(range.name() + ".tsv"))) {
            for (long id = range.first(); id <= range.last(); id++) {
                bindContact(contact, id, now);
                file.write(id + "\t" + numbers.next().e164() + "\n");
                if ((id - range.first() + 1) % COMMIT_EVERY == 0 || id == range.last()) {
                    contact.executeBatch();
                    connection.commit();
                }
            }
        }
    }

    /** Prepares the insert of a lead as the messenger creates it for an anonymous visitor: no name, email or phone. */
    private PreparedStatement insertContact() throws SQLException {
        return connection.prepareStatement("INSERT INTO contact (id, role, locale, created_at, updated_at, version) "
                + "VALUES (?, 'LEAD', 'en', ?, ?, 0)");
    }

    private static void bindContact(PreparedStatement contact, long id, Timestamp now) throws SQLException {
        contact.setLong(1, id);
        contact.setTimestamp(2, now);
        contact.setTimestamp(3, now);
        contact.addBatch();
    }

    /**
     * Puts {@code origin} on the messenger allow-list, creating the settings row with random keys as the
     * app does on its first read when the row is missing.
     */
    private void allowOrigin(String origin) throws SQLException {
        SecureRandom random = new SecureRandom();
        byte[] identitySecret = new byte[32];
        byte[] signingKey = new byte[32];
        random.nextBytes(identitySecret);
        random.nextBytes(signingKey);
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO messenger_settings (id, allowed_origins, "
                + "identity_secret, signing_key, updated_at) VALUES (1, ?, ?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE allowed_origins = VALUES(allowed_origins), version = version + 1")) {
            upsert.setString(1, origin);
            upsert.setString(2, HexFormat.of().formatHex(identitySecret));
            upsert.setString(3, Base64.getEncoder().encodeToString(signingKey));
            upsert.setTimestamp(4, Timestamp.from(Instant.now()));
            upsert.executeUpdate();
        }
    }
}
