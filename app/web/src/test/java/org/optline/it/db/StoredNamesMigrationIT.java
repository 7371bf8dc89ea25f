package org.optline.it.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.optline.access.api.Role;
import org.optline.contacts.api.ContactRole;
import org.optline.contacts.api.LineType;
import org.optline.it.support.MigrationDatabase;
import org.optline.subscriptions.api.ConsentType;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.State;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migration V25 on a database of its own. The migrations up to V24 run first, then the test stores the
 * spellings that V25 must repair, with CHECK constraints off where V24's constraints would reject them,
 * and runs V25. It needs the right to create databases whose names start with {@code optline_test_},
 * which bin/test grants; without it the tests are skipped.
 */
class StoredNamesMigrationIT {

    private static final String DATABASE = "optline_test_stored_names";

    @BeforeEach
    void createDatabase() {
        MigrationDatabase.create(DATABASE);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        MigrationDatabase.drop(DATABASE);
    }

    @Test
    void v25RepairsStoredNamesAndKeepsOriginals() throws SQLException {
        MigrationDatabase.migrate(DATABASE, "24");
        long canonical;
        long lowerCase;
        long padded;
        long accented;
        long unknownLine;
        long unknownRole;
        long type;
        long account;
        try (Connection connection = MigrationDatabase.connect(DATABASE)) {
            execute(connection, "SET SESSION check_constraint_checks = OFF");
            canonical = insertContact(connection, "USER", "MOBILE");
            lowerCase = insertContact(connection, "lead", "mobile");
            padded = insertContact(connection, "LEAD ", "Fixed_Line ");
            accented = insertContact(connection, "USER", "vóip");
            unknownLine = insertContact(connection, "USER", "SATELLITE");
            unknownRole = insertContact(connection, "VISITOR", null);
            type = insert(connection, "INSERT INTO subscription_type (message_type, consent_type, state, default_locale, "
                    + "created_at, updated_at) VALUES ('sms', 'Opt_In', 'live', 'en', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))");
            account = insert(connection, "INSERT INTO app_user (email, display_name, role, password_hash, "
                    + "password_changed_at, created_at, updated_at) VALUES ('migration@example.com', 'Migration', "
                    + "'admin', 'x', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))");
        }

        MigrationDatabase.migrate(DATABASE, "25");

        try (Connection connection = MigrationDatabase.connect(DATABASE)) {
            String contacts = "SELECT CONCAT(role, ' ', COALESCE(phone_type, 'NULL'), ' v', version) FROM contact WHERE id = ?";
            assertThat(text(connection, contacts, canonical)).as("contact %s", canonical).isEqualTo("USER MOBILE v0");
            assertThat(text(connection, contacts, lowerCase)).as("contact %s", lowerCase).isEqualTo("LEAD MOBILE v2");
            assertThat(text(connection, contacts, padded)).as("contact %s", padded).isEqualTo("LEAD FIXED_LINE v2");
            assertThat(text(connection, contacts, accented)).as("contact %s", accented).isEqualTo("USER VOIP v1");
            assertThat(text(connection, contacts, unknownLine)).as("contact %s", unknownLine).isEqualTo("USER NULL v1");
            assertThat(text(connection, contacts, unknownRole)).as("contact %s", unknownRole).isEqualTo("USER NULL v1");
            assertThat(text(connection, "SELECT CONCAT(message_type, ' ', consent_type, ' ', state) FROM subscription_type "
                    + "WHERE id = ?", type)).isEqualTo("SMS OPT_IN LIVE");
            assertThat(text(connection, "SELECT role FROM app_user WHERE id = ?", account)).isEqualTo("ADMIN");

            assertThat(repairs(connection)).containsExactlyInAnyOrder(
                    "subscription_type.message_type " + type + ": [sms] -> SMS",
                    "subscription_type.consent_type " + type + ": [Opt_In] -> OPT_IN",
                    "subscription_type.state " + type + ": [live] -> LIVE",
                    "app_user.role " + account + ": [admin] -> ADMIN",
                    "contact.role " + lowerCase + ": [lead] -> LEAD",
                    "contact.role " + padded + ": [LEAD ] -> LEAD",
                    "contact.role " + unknownRole + ": [VISITOR] -> USER",
                    "contact.phone_type " + lowerCase + ": [mobile] -> MOBILE",
                    "contact.phone_type " + padded + ": [Fixed_Line ] -> FIXED_LINE",
                    "contact.phone_type " + accented + ": [vóip] -> VOIP",
                    "contact.phone_type " + unknownLine + ": [SATELLITE] -> NULL");
        }
    }

    /** Every name the app writes passes the new CHECK constraints, and the same name in lower case does not. */
    @Test
    void v25AdmitsExactlyTheAppsNames() throws SQLException {
        MigrationDatabase.migrate(DATABASE, null);
        try (Connection connection = MigrationDatabase.connect(DATABASE)) {
            long contact = insertContact(connection, "USER", null);
            long type = insert(connection, "INSERT INTO subscription_type (message_type, consent_type, state, default_locale, "
                    + "created_at, updated_at) VALUES ('SMS', 'OPT_IN', 'DRAFT', 'en', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))");
            long account = insert(connection, "INSERT INTO app_user (email, display_name, role, password_hash, "
                    + "password_changed_at, created_at, updated_at) VALUES ('names@example.com', 'Names', 'AGENT', 'x', "
                    + "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))");

            Map<String, Enum<?>[]> namesByColumn = new LinkedHashMap<>();
            namesByColumn.put("contact.phone_type", LineType.values());
            namesByColumn.put("contact.role", ContactRole.values());
            namesByColumn.put("subscription_type.message_type", MessageType.values());
            namesByColumn.put("subscription_type.consent_type", ConsentType.values());
            namesByColumn.put("subscription_type.state", State.values());
            namesByColumn.put("app_user.role", Role.values());
            Map<String, Long> rowByTable = Map.of("contact", contact, "subscription_type", type, "app_user", account);

            for (Map.Entry<String, Enum<?>[]> column : namesByColumn.entrySet()) {
                String[] tableAndColumn = column.getKey().split("\\.");
                String update = "UPDATE " + tableAndColumn[0] + " SET " + tableAndColumn[1] + " = ? WHERE id = ?";
                long row = rowByTable.get(tableAndColumn[0]);
                for (Enum<?> name : column.getValue()) {
                    assertThat(update(connection, update, name.name(), row)).as("%s = %s", column.getKey(), name).isEqualTo(1);
                    assertThatThrownBy(() -> update(connection, update, name.name().toLowerCase(Locale.ROOT), row))
                            .as("%s = %s in lower case", column.getKey(), name).isInstanceOf(SQLException.class)
                            .hasMessageContaining("ck_" + tableAndColumn[0] + "_" + tableAndColumn[1]);
                }
            }
        }
    }

    /** Migrates the database to {@code target}, or to the latest version when it is null. */
    private static long insertContact(Connection connection, String role, String phoneType) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO contact (role, phone, phone_type, "
                + "created_at, updated_at) VALUES (?, '+3546111234', ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, role);
            insert.setString(2, phoneType);
            insert.executeUpdate();
            return generatedKey(insert);
        }
    }

    private static long insert(Connection connection, String sql) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            insert.executeUpdate();
            return generatedKey(insert);
        }
    }

    private static long generatedKey(PreparedStatement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            assertThat(keys.next()).as("a generated key").isTrue();
            return keys.getLong(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int update(Connection connection, String sql, String value, long id) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, value);
            update.setLong(2, id);
            return update.executeUpdate();
        }
    }

    private static String text(Connection connection, String sql, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("a row from %s for id %s", sql, id).isTrue();
                return row.getString(1);
            }
        }
    }

    /** Returns each row of stored_value_repair as "table.column id: [stored] -> new", brackets showing spaces. */
    private static List<String> repairs(Connection connection) throws SQLException {
        List<String> repairs = new ArrayList<>();
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT table_name, column_name, row_id, stored_value, new_value "
                     + "FROM stored_value_repair ORDER BY id")) {
            while (rows.next()) {
                repairs.add(rows.getString(1) + "." + rows.getString(2) + " " + rows.getLong(3) + ": [" + rows.getString(4)
                        + "] -> " + (rows.getString(5) == null ? "NULL" : rows.getString(5)));
            }
        }
        return repairs;
    }
}
