package org.optline.app.startup;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reports at {@code /health/ready} whether this instance can serve: the migrations have been applied
 * and the database answers now.
 */
@ApplicationScoped
@org.eclipse.microprofile.health.Readiness
public class Readiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(Readiness.class.getName());
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    StartupState state;

    @Override
    public HealthCheckResponse call() {
        boolean migrated = state.isComplete();
        boolean reachable = databaseAnswers();
        return HealthCheckResponse.named("database")
                .status(migrated && reachable)
                .withData("migrated", migrated)
                .withData("reachable", reachable)
                .build();
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Readiness check: the database is unreachable: {0}", e.getMessage());
            return false;
        }
    }
}
