package org.optline.platform.work;

import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionConflictsTest {

    @Test
    void deadlockIsTriedAgainUntilWorkSucceeds() {
        AtomicInteger runs = new AtomicInteger();

        String result = TransactionConflicts.retry(4, () -> "test work", () -> {
            if (runs.incrementAndGet() < 3) {
                throw wrapped(new SQLTransactionRollbackException("Deadlock found", "40001", 1213));
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(runs).hasValue(3);
    }

    @Test
    void lastConflictIsThrownAfterAllAttempts() {
        AtomicInteger runs = new AtomicInteger();
        RuntimeException last = wrapped(new SQLException("Lock wait timeout exceeded", "HY000", 1205));

        assertThatThrownBy(() -> TransactionConflicts.retry(3, () -> "test work", () -> {
            runs.incrementAndGet();
            throw last;
        })).isSameAs(last);
        assertThat(runs).hasValue(3);
    }

    @Test
    void failedCommitCountsAsConflict() {
        AtomicInteger runs = new AtomicInteger();

        int result = TransactionConflicts.retry(2, () -> "test work", () -> {
            if (runs.incrementAndGet() == 1) {
                throw wrapped(new RollbackException("commit failed"));
            }
            return 7;
        });

        assertThat(result).isEqualTo(7);
        assertThat(runs).hasValue(2);
    }

    @Test
    void otherFailureIsThrownAtOnce() {
        AtomicInteger runs = new AtomicInteger();
        RuntimeException duplicate = wrapped(new SQLException("Duplicate entry", "23000", 1062));

        assertThatThrownBy(() -> TransactionConflicts.retry(4, () -> "test work", () -> {
            runs.incrementAndGet();
            throw duplicate;
        })).isSameAs(duplicate);
        assertThat(runs).hasValue(1);
    }

    @Test
    void attemptsBelowOneRejected() {
        assertThatThrownBy(() -> TransactionConflicts.retry(0, () -> "test work", () -> "never"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("attempts is 0");
    }

    private static RuntimeException wrapped(Exception cause) {
        return new IllegalStateException("work failed", cause);
    }
}
