package org.optline.app.startup;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Applies the Flyway migrations of the {@code db} module. Flyway takes a database lock, so two
 * instances that start together apply each migration once.
 */
final class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    private Migrations() {
    }

    static void apply(DataSource dataSource) {
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
        String before = currentVersion(flyway);
        MigrateResult result = flyway.migrate();
        result.migrations.forEach(m -> LOG.info(() -> "Migration " + m.version + " (" + m.description
                + ") applied in " + m.executionTime + " ms"));
        String after = currentVersion(flyway);
        LOG.info(() -> "Database schema at version " + after + " (was " + before + "), "
                + result.migrationsExecuted + " migrations applied");
    }

    private static String currentVersion(Flyway flyway) {
        var current = flyway.info().current();
        return current == null ? "none" : current.getVersion().getVersion();
    }
}
