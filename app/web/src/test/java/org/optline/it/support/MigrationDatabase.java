package org.optline.it.support;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database of its own for a migration test, on the test server, migrated step by step with Flyway.
 * Creating it needs the right to create databases whose names start with {@code optline_test_}, which
 * bin/test grants; without it the calling test is skipped.
 */
public final class MigrationDatabase {

    private MigrationDatabase() {
    }

    /** Drops the database if it exists and creates it empty, or skips the calling test when the user may not. */
    public static void create(String name) {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            Assumptions.abort("Cannot create the database " + name + ": " + e.getMessage() + ". bin/test grants "
                    + "the test user this right; grant it on your own server to run this test.");
        }
    }

    public static void drop(String name) throws SQLException {
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
        }
    }

    /**
     * Runs Optline's migrations on the database up to and including version {@code target}, such as
     * {@code "26"}, or all of them when it is null.
     */
    public static void migrate(String name, String target) {
        var configuration = Flyway.configure(MigrationDatabase.class.getClassLoader())
                .dataSource(TestDatabase.url(name), TestDatabase.user(), TestDatabase.password())
                .locations("classpath:db/migration")
                .failOnMissingLocations(true);
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }

    public static Connection connect(String name) throws SQLException {
        return DriverManager.getConnection(TestDatabase.url(name), TestDatabase.user(), TestDatabase.password());
    }
}
