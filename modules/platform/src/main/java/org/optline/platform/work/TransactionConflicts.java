package org.optline.platform.work;

import jakarta.transaction.RollbackException;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Recognises the transaction failures that a new attempt may cure, for the code that retries its own
 * transactions (the consent ledger, bulk job chunks, inbound texts), and the random pause that the
 * ledger and bulk job chunks wait between attempts.
 */
public final class TransactionConflicts {

    private static final long FIRST_PAUSE_MILLIS = 25;

    private TransactionConflicts() {
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
    public static void pauseBeforeRetry(int failedAttempts) {
        long maxMillis = FIRST_PAUSE_MILLIS << (failedAttempts - 1);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(maxMillis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
