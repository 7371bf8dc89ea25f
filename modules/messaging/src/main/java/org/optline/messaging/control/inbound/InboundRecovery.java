package org.optline.messaging.control.inbound;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.optline.platform.StartupCompleted;
import org.optline.platform.work.PollingLoop;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Handles inbound messages that were stored but not handled, because the instance that received them
 * stopped or every attempt failed. Providers do not deliver an inbound webhook again, so without this a
 * STOP could be stored and never acted on. Handling takes the number's lock and skips handled messages,
 * so instances that find the same message act on it once.
 */
@ApplicationScoped
public class InboundRecovery {

    private static final Logger LOG = Logger.getLogger(InboundRecovery.class.getName());

    private static final long POLL_SECONDS = 15;
    /** The age in seconds at which an unhandled message is taken over, after the webhook's own handling had its time. */
    static final int GRACE_SECONDS = 30;
    private static final int BATCH = 50;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    InboundMessages messages;

    private final PollingLoop loop = new PollingLoop("Inbound SMS recovery", LOG);

    void start(@Observes StartupCompleted event) {
        loop.start(executor, POLL_SECONDS, this::poll);
    }

    @PreDestroy
    void stop() {
        loop.stop();
    }

    /** Handles the unhandled messages older than the grace period, oldest first. */
    void poll() {
        for (Unhandled message : unhandled()) {
            if (loop.stopping()) {
                return;
            }
            try {
                if (messages.handleWithRetry(message.id(), message.e164())) {
                    LOG.info(() -> "Inbound SMS " + message.id() + " handled by " + loop.owner() + " after its "
                            + "webhook did not handle it");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Inbound SMS " + message.id() + " could not be handled; trying again in "
                        + POLL_SECONDS + " s", e);
            }
        }
    }

    private record Unhandled(long id, String e164) {
    }

    private List<Unhandled> unhandled() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id, from_number FROM sms_inbound "
                     + "WHERE handled_at IS NULL AND from_number IS NOT NULL "
                     + "AND received_at < UTC_TIMESTAMP(6) - INTERVAL ? SECOND ORDER BY id LIMIT ?")) {
            select.setInt(1, GRACE_SECONDS);
            select.setInt(2, BATCH);
            List<Unhandled> rows = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new Unhandled(row.getLong(1), row.getString(2)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading unhandled inbound SMS failed: " + e.getMessage(), e);
        }
    }
}
