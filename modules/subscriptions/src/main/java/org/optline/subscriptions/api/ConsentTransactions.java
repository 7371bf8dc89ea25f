package org.optline.subscriptions.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.function.Supplier;

/** Runs work in a new transaction, so that {@link ConsentLedger} can retry a whole attempt. */
@ApplicationScoped
public class ConsentTransactions {

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T run(Supplier<T> work) {
        return work.get();
    }
}
