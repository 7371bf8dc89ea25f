package org.optline.bench.data;

import org.flywaydb.core.Flyway;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Fills an empty database with the benchmark data: the subscription types, then contacts with ids
 * 1 to N and their consent history, written to tab-separated files and loaded with
 * {@code LOAD DATA LOCAL INFILE}. The data depends only on N, so every run of the same version makes
 * the same rows.
 *
 * <p>Contact {@code i} is created {@code i} steps of whole seconds after {@link #DATA_START}, so
 * {@code created_at} grows with the id and a {@code created_at} range selects an exact id range; the
 * bulk drivers rely on that.
 */
public final class Generator {

    public static final Instant DATA_START = Instant.parse("2019-01-01T00:00:00Z");
    public static final Instant DATA_END = Instant.parse("2026-11-01T00:00:00Z");

    private static final long SEED = 20_260_301L;
    private static final int BLOCK = 10_000;

    private final Connection connection;
    private final int contacts;
    private final Path workDir;

    public Generator(Connection connection, int contacts, Path workDir) {
        if (contacts < 1 || contacts > maxContacts()) {
            throw new IllegalArgumentException("--contacts=" + contacts + " is out of range. Use 1 to " + maxContacts() + ".");
        }
        this.connection = connection;
        this.contacts = contacts;
        this.workDir = workDir;
    }

    /** Returns the creation time of contact {@code id} of {@code contacts}, on whole seconds and strictly growing. */
    public static Instant createdAt(long id, int contacts) {
        long span = Duration.between(DATA_START, DATA_END).toSeconds();
        return DATA_START.plusSeconds((id - 1) * span / contacts);
    }

    /** Keeps at least two seconds between two contacts, so whole-second filters stay exact. */
    private static int maxContacts() {
        return (int) Math.min(Integer.MAX_VALUE, Duration.between(DATA_START, DATA_END).toSeconds() / 2);
    }

    /** Applies Optline's migrations the way the app does at start-up, so the app finds its schema current. */
    public static void migrate(String url, String user, String password) {
        Flyway.configure(Generator.class.getClassLoader())
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    public void run() throws SQLException, IOException {
        long started = System.nanoTime();
        requireEmpty();
        Catalog.insert(connection);
        Files.createDirectories(workDir);
        History.Counts counts = writeFiles();
        long written = System.nanoTime();
        load();
        long loaded = System.nanoTime();
        System.out.printf("RESULT generated_contacts=%d%nRESULT generated_events=%d%nRESULT generated_states=%d%n"
                        + "RESULT generated_chains=%d%nRESULT generate_files_seconds=%.1f%nRESULT generate_load_seconds=%.1f%n",
                contacts, counts.events, counts.states, counts.chains, (written - started) / 1e9, (loaded - written) / 1e9);
    }

    private void requireEmpty() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM contact")) {
            rows.next();
            if (rows.getLong(1) > 0) {
                throw new IllegalStateException("The database already has " + rows.getLong(1) + " contacts. "
                        + "Generate into an empty database; bench/run makes a new one for each data set.");
            }
        }
    }

    /** The rows of one block of contacts, made in parallel with other blocks and written in block order. */
    private record Block(StringBuilder contacts, StringBuilder events, StringBuilder states, StringBuilder chains,
                         History.Counts counts) {
    }

    private History.Counts writeFiles() throws IOException {
        History.Counts total = new History.Counts();
        int blocks = (contacts + BLOCK - 1) / BLOCK;
        int perRound = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
        try (BufferedWriter contactFile = writer("contact.tsv");
             BufferedWriter eventFile = writer("consent_event.tsv");
             BufferedWriter stateFile = writer("consent_state.tsv");
             BufferedWriter chainFile = writer("consent_chain.tsv")) {
            for (int first = 0; first < blocks; first += perRound) {
                List<Block> round = IntStream.range(first, Math.min(blocks, first + perRound)).parallel()
                        .mapToObj(this::block).toList();
                for (Block block : round) {
                    contactFile.append(block.contacts());
                    eventFile.append(block.events());
                    stateFile.append(block.states());
                    chainFile.append(block.chains());
                    total.events += block.counts().events;
                    total.states += block.counts().states;
                    total.chains += block.counts().chains;
                }
            }
        }
        return total;
    }

    private Block block(int index) {
        Block block = new Block(new StringBuilder(), new StringBuilder(), new StringBuilder(), new StringBuilder(),
                new History.Counts());
        long last = Math.min(contacts, (long) (index + 1) * BLOCK);
        for (long id = (long) index * BLOCK + 1; id <= last; id++) {
            SplittableRandom random = new SplittableRandom(SEED * 1_000_003L + id);
            People.Person person = People.make(id, createdAt(id, contacts), random, block.contacts());
            History.make(person, random, block.events(), block.states(), block.chains(), block.counts());
        }
        return block;
    }

    private BufferedWriter writer(String name) throws IOException {
        return Files.newBufferedWriter(workDir.resolve(name), StandardCharsets.UTF_8);
    }

    /** Loads the files with the checks that the generator already guarantees switched off. */
    private void load() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET foreign_key_checks = 0");
            statement.execute("SET unique_checks = 0");
            load(statement, "contact.tsv", "contact", "id, role, external_id, email, phone, phone_type, name, avatar, "
                    + "owner_id, locale, unsubscribed_from_emails, custom_attributes, signed_up_at, last_seen_at, created_at, "
                    + "updated_at, deleted_at, version");
            load(statement, "consent_event.tsv", "consent_event", "contact_id, seq, subscription_type_id, action, "
                    + "occurred_at, source, actor_kind, actor_id, phone, ip_address, user_agent, conversation_id, message_id, "
                    + "consent_text_id, override_reason, bulk_job_id, previous_hash, hash");
            load(statement, "consent_state.tsv", "consent_state", "contact_id, subscription_type_id, state, event_seq, "
                    + "source, actor_kind, phone, changed_at");
            load(statement, "consent_chain.tsv", "consent_chain", "contact_id, length, head_hash");
            statement.execute("SET unique_checks = 1");
            statement.execute("SET foreign_key_checks = 1");
            statement.execute("ANALYZE TABLE contact, consent_event, consent_state, consent_chain");
        }
    }

    private void load(Statement statement, String file, String table, String columns) throws SQLException {
        long started = System.nanoTime();
        String path = workDir.resolve(file).toAbsolutePath().toString().replace("\\", "\\\\").replace("'", "\\'");
        long rows = statement.executeLargeUpdate("LOAD DATA LOCAL INFILE '" + path + "' INTO TABLE " + table
                + " CHARACTER SET utf8mb4 (" + columns + ")");
        System.out.printf("Loaded %,d rows into %s in %.1f s%n", rows, table, (System.nanoTime() - started) / 1e9);
    }
}
