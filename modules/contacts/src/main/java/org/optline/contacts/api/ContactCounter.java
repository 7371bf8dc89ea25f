package org.optline.contacts.api;

import java.util.Optional;

/**
 * Counts contacts without SQL for the queries it can, such as the segments module's in-memory audience
 * index. The contacts module finds one as a CDI bean, so it does not depend on the module that provides it.
 */
public interface ContactCounter {

    /**
     * Returns how many contacts match {@code query} and are not deleted, counting every change that
     * committed before the call, or empty when it cannot count this query now. The caller has already
     * checked the query.
     */
    Optional<Long> count(ContactQuery query);
}
