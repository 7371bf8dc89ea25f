package org.optline.it.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.optline.it.support.MigrationDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration V27 on a database of its own. The same updates run on a database migrated to V26, with
 * V23's update triggers, and again after V27 has replaced them, and both must write the same
 * audience_change rows. It needs the right to create databases whose names start with
 * {@code optline_test_}, which bin/test grants; without it the test is skipped.
 */
class AudienceTriggersMigrationIT {

    private static final String DATABASE = "optline_test_audience_triggers";

    @BeforeEach
    void createDatabase() {
        MigrationDatabase.create(DATABASE);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        MigrationDatabase.drop(DATABASE);
    }

    @Test
    void v27WritesSameRowsAsV23() throws SQLException {
        MigrationDatabase.migrate(DATABASE, "26");
        List<String> withV23 = updateEveryKey("+35461100");

        MigrationDatabase.migrate(DATABASE, null);
        List<String> withV27 = updateEveryKey("+35461101");

        List<String> expected = List.of(
                "contact: contact",
                "contact key: changed contact", "contact key: contact",
                "consent state: state contact",
                "consent state key: changed state contact", "consent state key: state contact",
                "block: phone",
                "block key: changed phone", "block key: phone");
        assertThat(withV23).as("rows written by V23's triggers").isEqualTo(expected);
        assertThat(withV27).as("rows written by V27's triggers").isEqualTo(expected);
    }

    /**
     * Updates one row of each table twice, once keeping its key and once changing it, and returns the
     * audience_change rows each update wrote, in order, as "update: key", where the key is named after
     * the variable that holds it.
     *
     * @param phonePrefix the start of the two numbers used, so that each call uses numbers of its own
     */
    private static List<String> updateEveryKey(String phonePrefix) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = MigrationDatabase.connect(DATABASE)) {
            // The consent state below names no consent event or subscription type.
            execute(connection, "SET SESSION foreign_key_checks = 0");
            long contact = insert(connection, "INSERT INTO contact (role, created_at, updated_at) "
                    + "VALUES ('USER', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))");
            long changedContact = contact + 1_000;
            long stateContact = contact + 2_000;
            long changedStateContact = contact + 3_000;
            String phone = phonePrefix + "01";
            String changedPhone = phonePrefix + "02";
            execute(connection, "INSERT INTO consent_state (contact_id, subscription_type_id, state, event_seq, "
                    + "source, actor_kind, phone, changed_at) VALUES (" + stateContact + ", 1, 'OPT_IN', 1, 'FORM', "
                    + "'CUSTOMER', NULL, UTC_TIMESTAMP(6))");
            execute(connection, "INSERT INTO sms_number_block (phone, source, blocked_at) VALUES ('" + phone + "', "
                    + "'SMS_KEYWORD', UTC_TIMESTAMP(6))");
            Map<Object, String> labels = Map.of(contact, "contact", changedContact, "changed contact",
                    stateContact, "state contact", changedStateContact, "changed state contact", phone, "phone",
                    changedPhone, "changed phone");

            rows.addAll(changes(connection, labels, "contact",
                    "UPDATE contact SET updated_at = UTC_TIMESTAMP(6) WHERE id = " + contact));
            rows.addAll(changes(connection, labels, "contact key",
                    "UPDATE contact SET id = " + changedContact + " WHERE id = " + contact));
            rows.addAll(changes(connection, labels, "consent state",
                    "UPDATE consent_state SET state = 'OPT_OUT' WHERE contact_id = " + stateContact));
            rows.addAll(changes(connection, labels, "consent state key", "UPDATE consent_state SET contact_id = "
                    + changedStateContact + " WHERE contact_id = " + stateContact));
            rows.addAll(changes(connection, labels, "block",
                    "UPDATE sms_number_block SET blocked_at = UTC_TIMESTAMP(6) WHERE phone = '" + phone + "'"));
            rows.addAll(changes(connection, labels, "block key",
                    "UPDATE sms_number_block SET phone = '" + changedPhone + "' WHERE phone = '" + phone + "'"));
        }
        return rows;
    }

    /** Runs {@code update} and returns the audience_change rows it wrote, labelled with {@code name}. */
    private static List<String> changes(Connection connection, Map<Object, String> labels, String name, String update)
            throws SQLException {
        long start;
        try (Statement select = connection.createStatement();
             ResultSet row = select.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM audience_change")) {
            row.next();
            start = row.getLong(1);
        }
        assertThat(executeUpdate(connection, update)).as("rows matched by %s", update).isEqualTo(1);
        List<String> written = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT contact_id, phone FROM audience_change WHERE seq > ? ORDER BY seq")) {
            select.setLong(1, start);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long contactId = rows.getLong(1);
                    Object key = rows.wasNull() ? rows.getString(2) : contactId;
                    written.add(name + ": " + labels.getOrDefault(key, "unexpected " + key));
                }
            }
        }
        return written;
    }

    /** Migrates the database to {@code target}, or to the latest version when it is null. */
    private static long insert(Connection connection, String sql) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                assertThat(keys.next()).as("a generated key").isTrue();
                return keys.getLong(1);
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int executeUpdate(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }
}
