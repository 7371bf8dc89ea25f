package org.optline.subscriptions.api;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.optline.contacts.api.ContactPhone;
import org.optline.contacts.api.Contacts;
import org.optline.subscriptions.control.ConsentReads;
import org.optline.subscriptions.control.LedgerWriter;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The consent record: records consent changes as append-only, hash-chained events with the state
 * derived from them in the same transaction, and reads and verifies them.
 *
 * <p>Called inside a transaction, a change joins it, so that it commits or rolls back with the
 * caller's other work (a form stores a phone number and its opt-in together). Called outside, each
 * attempt runs in its own transaction and a deadlock is retried.
 */
@ApplicationScoped
public class ConsentLedger {

    private static final Logger LOG = Logger.getLogger(ConsentLedger.class.getName());
    private static final int ATTEMPTS = 4;

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    ConsentTransactions transactional;

    @Inject
    Contacts contacts;

    @Inject
    SubscriptionTypes types;

    @Inject
    Clock clock;

    /** Records one change, or returns why it changed nothing. */
    public ConsentOutcome record(ConsentRequest request) {
        return recordAll(List.of(request)).getFirst();
    }

    /**
     * Records changes in order, all in one transaction: a chunk of a bulk job, or the several types of a
     * STOP. Returns one outcome per request, in the same order.
     */
    public List<ConsentOutcome> recordAll(List<ConsentRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        if (inTransaction()) {
            return append(requests);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactional.run(() -> append(requests));
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isDeadlock(e)) {
                    throw e;
                }
                int failed = attempt;
                LOG.log(Level.INFO, () -> "Consent change hit a deadlock, retrying (attempt " + (failed + 1) + " of "
                        + ATTEMPTS + ")");
            }
        }
    }

    /** Returns a contact's consent events, oldest first. */
    public List<ConsentEventView> history(long contactId) {
        return read(connection -> new ConsentReads(connection).events(contactId));
    }

    /** Returns a contact's current explicit states, by subscription type id. */
    public Map<Long, ConsentStateView> states(long contactId) {
        return read(connection -> new ConsentReads(connection).states(contactId));
    }

    /**
     * Returns the current phone and explicit states of a contact that exists and is not deleted, read in
     * one query, or empty when there is no such contact.
     */
    public Optional<ContactConsents> consentsOf(long contactId) {
        return read(connection -> new ConsentReads(connection).contactConsents(contactId));
    }

    /** Recomputes and checks a contact's whole chain. */
    public ChainVerification verify(long contactId) {
        ChainVerification result = read(connection -> new ConsentReads(connection).verify(contactId));
        if (!result.intact()) {
            LOG.warning(() -> "Consent chain of contact " + contactId + " is broken: " + result.problem());
        }
        return result;
    }

    private List<ConsentOutcome> append(List<ConsentRequest> requests) {
        Set<Long> contactIds = requests.stream().map(ConsentRequest::contactId).collect(Collectors.toSet());
        Map<Long, ContactPhone> phones = contacts.phones(contactIds);
        Map<Long, SubscriptionTypeView> typesById = new HashMap<>();
        for (long typeId : requests.stream().map(ConsentRequest::subscriptionTypeId).collect(Collectors.toSet())) {
            types.find(typeId).ifPresent(type -> typesById.put(typeId, type));
        }
        try (Connection connection = dataSource.getConnection()) {
            List<ConsentOutcome> outcomes = new LedgerWriter(connection).append(requests, phones, typesById, clock.instant());
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i) instanceof ConsentOutcome.Changed changed && requests.size() <= 10) {
                    ConsentRequest request = requests.get(i);
                    LOG.info(() -> "Consent of contact " + changed.contactId() + " for subscription type "
                            + request.subscriptionTypeId() + " set to " + changed.action() + " (event " + changed.seq()
                            + ", source " + request.source() + ", actor " + request.actorKind() + ")");
                }
            }
            return outcomes;
        } catch (SQLException e) {
            throw new ConsentStorageException(e);
        }
    }

    private interface Read<T> {
        T apply(Connection connection) throws SQLException;
    }

    private <T> T read(Read<T> read) {
        try (Connection connection = dataSource.getConnection()) {
            return read.apply(connection);
        } catch (SQLException e) {
            throw new ConsentStorageException(e);
        }
    }

    private boolean inTransaction() {
        return transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
    }

    /** Returns whether {@code e} comes from a deadlock or lock wait timeout, which a retry may cure. */
    static boolean isDeadlock(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == 1213
                    || sql.getErrorCode() == 1205)) {
                return true;
            }
        }
        return false;
    }
}
