package org.optline.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Plain JDBC on the database of the app under test (OPTLINE_DB_URL, _USER and _PASSWORD, which bin/test
 * exports), to create many contacts fast and to check with SQL what the app stored. Consent records are
 * never written here: they come only from the app.
 */
public final class TestDatabase {

    private static final int ROWS_PER_INSERT = 1_000;

    private TestDatabase() {
    }

    public static Connection connect() {
        String url = localUrl();
        try {
            return DriverManager.getConnection(url, user(), password());
        } catch (SQLException e) {
            throw new IllegalStateException("Connecting to " + url + " failed: " + e.getMessage(), e);
        }
    }

    /** Returns the JDBC URL of {@code database} on the server of the test database. */
    public static String url(String database) {
        String url = localUrl();
        int path = url.indexOf('/', "jdbc:mariadb://".length());
        int query = url.indexOf('?', path);
        return url.substring(0, path + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    public static String user() {
        return required("OPTLINE_DB_USER");
    }

    public static String password() {
        return System.getenv().getOrDefault("OPTLINE_DB_PASSWORD", "");
    }

    private static String localUrl() {
        String url = required("OPTLINE_DB_URL");
        if (!url.startsWith("jdbc:mariadb://127.0.0.1:")) {
            throw new IllegalStateException("OPTLINE_DB_URL " + url + " is not on 127.0.0.1; tests use only a local database.");
        }
        return url;
    }

    /**
     * Inserts {@code count} users named {@code "<tag> <n>"} and returns their ids in ascending order.
     *
     * @param phone an E.164 mobile number for every contact, or null for none
     */
    public static List<Long> insertContacts(String tag, int count, String phone) {
        return insertContactsWithPhones(tag, count, index -> phone);
    }

    /**
     * Inserts {@code count} users named {@code "<tag> <n>"}, the n-th with the number {@code phones}
     * gives for n - 1, and returns their ids in ascending order.
     */
    public static List<Long> insertContactsWithPhones(String tag, int count, IntFunction<String> phones) {
        try (Connection connection = connect()) {
            for (int start = 0; start < count; start += ROWS_PER_INSERT) {
                int rows = Math.min(ROWS_PER_INSERT, count - start);
                String values = String.join(",", Collections.nCopies(rows,
                        "('USER', ?, ?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))"));
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO contact "
                        + "(role, name, phone, phone_type, created_at, updated_at) VALUES " + values)) {
                    int index = 1;
                    for (int i = 0; i < rows; i++) {
                        String phone = phones.apply(start + i);
                        insert.setString(index++, tag + " " + (start + i + 1));
                        insert.setString(index++, phone);
                        insert.setString(index++, phone == null ? null : "MOBILE");
                    }
                    insert.executeUpdate();
                }
            }
            return ids(connection, tag);
        } catch (SQLException e) {
            throw new IllegalStateException("Inserting contacts " + tag + " failed: " + e.getMessage(), e);
        }
    }

    /** Returns the single number that {@code sql} selects. */
    public static long number(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    throw new AssertionError("No row from " + sql);
                }
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Locks the consent chain head of {@code contactId} until {@link RowLock#close()}, so that a bulk
     * job chunk that includes the contact waits and commits nothing before. Tests use it to see a job
     * page before any contact has changed. The contact must have a chain, that is a consent event.
     */
    public static RowLock lockConsentChain(long contactId) {
        RowLock lock = new RowLock(connect());
        boolean locked = false;
        try {
            lock.connection.setAutoCommit(false);
            try (PreparedStatement select = lock.connection.prepareStatement(
                    "SELECT contact_id FROM consent_chain WHERE contact_id = ? FOR UPDATE")) {
                select.setLong(1, contactId);
                try (ResultSet result = select.executeQuery()) {
                    locked = result.next();
                }
            }
        } catch (SQLException e) {
            lock.close();
            throw new IllegalStateException("Locking the consent chain of contact " + contactId + " failed: "
                    + e.getMessage(), e);
        }
        if (!locked) {
            lock.close();
            throw new AssertionError("Contact " + contactId + " has no consent chain to lock: it has no consent event yet");
        }
        return lock;
    }

    /** A row lock held by an open transaction; closing rolls the transaction back, which releases it. */
    public static final class RowLock implements AutoCloseable {

        private final Connection connection;

        private RowLock(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            try (connection) {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Releasing a row lock failed: " + e.getMessage(), e);
            }
        }
    }

    private static List<Long> ids(Connection connection, String tag) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM contact WHERE name LIKE ? ORDER BY id")) {
            select.setString(1, tag.replace("%", "\\%").replace("_", "\\_") + " %");
            List<Long> ids = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getLong(1));
                }
            }
            return ids;
        }
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set. Run the integration tests with bin/test, "
                    + "which exports it for the app and the tests alike.");
        }
        return value;
    }
}
