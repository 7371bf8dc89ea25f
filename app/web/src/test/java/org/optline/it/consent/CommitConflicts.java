package org.optline.it.consent;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.optline.subscriptions.api.OptInConfirmationRequested;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the next transaction that stores a pending double opt-in fail at {@code COMMIT} with a
 * deadlock error, as a Galera node fails a transaction that conflicts with one committed on another
 * node.
 *
 * <p>On a single Galera node, a DDL statement runs in total order isolation and aborts every local
 * transaction that holds a lock on its table. So the armed transaction writes a row of a scratch
 * table, and just before its commit another session alters that table. MariaDB 10.11 then fails
 * the transaction's {@code COMMIT} with error 1213.
 */
@ApplicationScoped
public class CommitConflicts {

    private static final String TABLE = "it_commit_conflict";

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry registry;

    @Resource
    ManagedExecutorService executor;

    private final AtomicInteger armed = new AtomicInteger();
    private final AtomicInteger confirmations = new AtomicInteger();

    /** Returns whether the database is a Galera node, where the DDL aborts the transaction. */
    public boolean onGalera() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT @@wsrep_on")) {
            return row.next() && row.getInt(1) == 1;
        }
    }

    /** Makes the next transaction that requests a confirmation text fail at its commit. */
    public void armNext() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (name VARCHAR(64) PRIMARY KEY)");
        }
        confirmations.set(0);
        armed.set(1);
    }

    /** Returns how many confirmation texts were requested since {@link #armNext}, by committed and failed attempts. */
    public int confirmations() {
        return confirmations.get();
    }

    void onConfirmation(@Observes OptInConfirmationRequested request) throws SQLException {
        confirmations.incrementAndGet();
        if (armed.getAndSet(0) == 0) {
            return;
        }
        // The connection belongs to the ledger's transaction, so the row and its lock are part of it.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO " + TABLE + " (name) VALUES ('" + UUID.randomUUID() + "')");
        }
        registry.registerInterposedSynchronization(new AlterBeforeCommit(this));
    }

    /** Alters the scratch table from a session outside the transaction and waits until the DDL is done. */
    void alterFromAnotherSession() {
        try {
            executor.submit(() -> {
                try (Connection connection = dataSource.getConnection();
                     Statement statement = connection.createStatement()) {
                    // Without Galera the DDL would wait for the transaction instead of aborting it.
                    statement.execute("SET SESSION lock_wait_timeout = 10");
                    statement.execute("ALTER TABLE " + TABLE + " COMMENT = '" + UUID.randomUUID() + "'");
                }
                return null;
            }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Altering " + TABLE + " from another session failed", e);
        }
    }

    /** Runs the DDL after the transaction's last statement and before its commit. */
    static final class AlterBeforeCommit implements Synchronization {

        private final CommitConflicts conflicts;

        AlterBeforeCommit(CommitConflicts conflicts) {
            this.conflicts = conflicts;
        }

        @Override
        public void beforeCompletion() {
            conflicts.alterFromAnotherSession();
        }

        @Override
        public void afterCompletion(int status) {
            // Nothing to clean up: the scratch rows of failed attempts were rolled back.
        }
    }
}
