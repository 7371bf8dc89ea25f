package org.optline.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.optline.segments.api.Audiences;

import java.util.List;

/**
 * Reads the audience of a send page by page for the worker, each page in a transaction of its own.
 * NOTE: reads without a transaction failed in the worker's managed thread on Payara 7.2026.11. Payara
 * closed their entity managers after the task, which failed with "closed EntityManager" and killed the thread.
 */
@ApplicationScoped
public class RecipientLists {

    @Inject
    Audiences audiences;

    /** Returns up to {@code limit} ids of contacts the send may reach, ascending, after {@code afterContactId}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> page(SendView send, long afterContactId, int limit) {
        return audiences.reachable(send.subscriptionTypeId(), send.segmentId(), afterContactId, limit);
    }
}
