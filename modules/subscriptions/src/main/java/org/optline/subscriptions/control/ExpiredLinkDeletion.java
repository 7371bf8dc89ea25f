package org.optline.subscriptions.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.optline.platform.StartupCompleted;
import org.optline.platform.work.PollingLoop;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Deletes preference center links that expired more than {@code optline.preference-links.delete-after-days}
 * days ago (default 30), on every instance once an hour. An expired link opens nothing, and no other
 * table refers to {@code preference_link}: consent events keep their own evidence, and sent messages
 * keep their text in {@code sms_outbox} or at the provider.
 *
 * <p>Each statement deletes at most {@link #BATCH} rows, so that no statement holds many row locks or
 * a long undo log. Two instances that delete at once wait for each other's rows and delete each row once.
 */
@ApplicationScoped
public class ExpiredLinkDeletion {

    private static final Logger LOG = Logger.getLogger(ExpiredLinkDeletion.class.getName());

    private static final long POLL_SECONDS = 3600;
    /** Maximum rows one DELETE statement removes. */
    public static final int BATCH = 5_000;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "optline.preference-links.delete-after-days", defaultValue = "30")
    int deleteAfterDays;

    private final PollingLoop loop = new PollingLoop("Expired preference link deletion", LOG);

    void start(@Observes StartupCompleted event) {
        loop.start(executor, POLL_SECONDS, this::deleteExpired);
    }

    @PreDestroy
    void stop() {
        loop.stop();
    }

    /**
     * Deletes the links that expired more than the configured number of days ago, in statements of at
     * most {@link #BATCH} rows, and returns how many it deleted.
     *
     * @throws IllegalStateException when the configured number of days is negative, or a statement fails
     */
    public long deleteExpired() {
        if (deleteAfterDays < 0) {
            throw new IllegalStateException("optline.preference-links.delete-after-days is " + deleteAfterDays
                    + ", but it must be 0 or more. Set it to the number of days to keep expired links, such as 30.");
        }
        Instant cutoff = clock.instant().minus(Duration.ofDays(deleteAfterDays));
        long deleted = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM preference_link WHERE expires_at < ? LIMIT " + BATCH)) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            int batch;
            do {
                batch = delete.executeUpdate();
                deleted += batch;
            } while (batch == BATCH && !loop.stopping());
        } catch (SQLException e) {
            throw new IllegalStateException("Deleting preference links that expired before " + cutoff + " failed after "
                    + deleted + " rows: " + e.getMessage(), e);
        }
        if (deleted > 0) {
            long count = deleted;
            LOG.info(() -> "Deleted " + count + " preference links that expired before " + cutoff + " ("
                    + loop.owner() + ")");
        }
        return deleted;
    }
}
