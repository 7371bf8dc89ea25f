package org.optline.app.startup;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Applies the Flyway migrations of the {@code db} module. Flyway takes a database lock, so two
 * instances that start together apply each migration once.
 */
final class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    /** Selects the connected account and whether it has SUPER, which information_schema lists as 'user'@'host'. */
    private static final String SUPER_PRIVILEGE_QUERY = """
            SELECT CURRENT_USER(), EXISTS (SELECT 1 FROM information_schema.USER_PRIVILEGES
                WHERE PRIVILEGE_TYPE = 'SUPER'
                  AND GRANTEE = CONCAT('''', SUBSTRING_INDEX(CURRENT_USER(), '@', 1), '''@''',
                                       SUBSTRING_INDEX(CURRENT_USER(), '@', -1), ''''))""";

    private Migrations() {
    }

    static void apply(DataSource dataSource) {
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
        MigrationInfoService info = flyway.info();
        String before = version(info);
        if (info.pending().length > 0) {
            checkTriggersAllowed(dataSource);
        }
        MigrateResult result = flyway.migrate();
        result.migrations.forEach(m -> LOG.info(() -> "Migration " + m.version + " (" + m.description
                + ") applied in " + m.executionTime + " ms"));
        String after = version(flyway.info());
        LOG.info(() -> "Database schema at version " + after + " (was " + before + "), "
                + result.migrationsExecuted + " migrations applied");
    }

    /**
     * Stops the start before the first migration when MariaDB would reject the migrations' triggers.
     * With binary logging on (as on every Galera node), MariaDB creates a trigger only for a user with
     * SUPER or with {@code log_bin_trust_function_creators} set. It would reject one halfway through a
     * migration and leave that migration's tables behind, and Flyway would then refuse every start until
     * someone repaired the schema history by hand.
     */
    static void checkTriggersAllowed(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            Map<String, String> variables = new HashMap<>();
            try (ResultSet rows = statement.executeQuery("SHOW VARIABLES WHERE Variable_name IN "
                    + "('log_bin', 'wsrep_on', 'log_bin_trust_function_creators')")) {
                while (rows.next()) {
                    variables.put(rows.getString(1), rows.getString(2));
                }
            }
            boolean binaryLog = "ON".equals(variables.get("log_bin")) || "ON".equals(variables.get("wsrep_on"));
            if (!binaryLog || "ON".equals(variables.get("log_bin_trust_function_creators"))) {
                return;
            }
            try (ResultSet rows = statement.executeQuery(SUPER_PRIVILEGE_QUERY)) {
                rows.next();
                if (!rows.getBoolean(2)) {
                    throw new IllegalStateException("The database migrations create triggers, and MariaDB rejects "
                            + "them for user " + rows.getString(1) + ": binary logging is on (log_bin or Galera's "
                            + "wsrep_on) while log_bin_trust_function_creators is OFF and the user lacks the SUPER "
                            + "privilege. Set log_bin_trust_function_creators=1 in the server's configuration (and "
                            + "with SET GLOBAL to avoid a restart), or run the first start with a user that has "
                            + "SUPER. No migration was applied.");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database's binary log settings before migrating: "
                    + e.getMessage(), e);
        }
    }

    private static String version(MigrationInfoService info) {
        var current = info.current();
        return current == null ? "none" : current.getVersion().getVersion();
    }
}
