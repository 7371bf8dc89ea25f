package org.optline.platform.work;

import jakarta.transaction.RollbackException;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Runs work that starts and ends its own transaction again after the database rolled it back because
 * of a conflict. The consent ledger, bulk job chunks and inbound texts use it.
 */
public final class TransactionConflicts {

    private static final Logger LOG = Logger.getLogger(TransactionConflicts.class.getName());

    private static final long FIRST_PAUSE_MILLIS = 25;

    private TransactionConflicts() {
    }

    /**
     * Runs {@code work} and returns its result, running it again after a failure that
     * {@link #isRetryable} accepts, {@code attempts} times in all, with {@link #pauseBeforeRetry}
     * in between. The failure of the last attempt, or any other failure, is thrown as it is.
     * {@code work} must run its own transaction: inside a caller's transaction, a conflict has
     * already rolled back the caller's earlier work too.
     *
     * @param description names the work in the log line of each new attempt, such as "Consent change"
     */
    public static <T> T retry(int attempts, Supplier<String> description, Supplier<T> work) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts is " + attempts + ", but must be 1 or more");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= attempts || !isRetryable(e)) {
                    throw e;
                }
                int next = attempt + 1;
                LOG.info(() -> description.get() + " met a database conflict; trying again (attempt " + next + " of "
                        + attempts + ")");
                pauseBeforeRetry(attempt);
            }
        }
    }

    /**
     * Returns whether {@code e} comes from a deadlock, a lock wait timeout or a failed commit, which a
     * retry may cure.
     *
     * <p>A Galera node reports a conflict with a transaction committed on another node as a deadlock
     * error at {@code COMMIT}. The data source then reports the commit as rolled back, and Payara
     * 7.2026.11 throws a {@link RollbackException} without the SQL error as its cause. So a
     * {@code RollbackException} counts too. The callers run their own transaction and mark it for
     * rollback only by throwing, which rethrows their own exception instead, so here it means that
     * the commit failed.
     */
    public static boolean isRetryable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == 1213
                    || sql.getErrorCode() == 1205)) {
                return true;
            }
            if (cause instanceof RollbackException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Waits a random time of up to 25, 50, then 100 ms before the next attempt. Transactions on
     * different Galera nodes do not wait for each other's locks, so attempts that start again at once
     * tend to meet the same conflicting change again.
     */
    private static void pauseBeforeRetry(int failedAttempts) {
        long maxMillis = FIRST_PAUSE_MILLIS << (failedAttempts - 1);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(maxMillis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
