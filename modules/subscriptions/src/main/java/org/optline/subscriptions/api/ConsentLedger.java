package org.optline.subscriptions.api;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.optline.platform.work.TransactionConflicts;
import org.optline.contacts.api.ContactPhone;
import org.optline.contacts.api.Contacts;
import org.optline.subscriptions.control.ConsentReads;
import org.optline.subscriptions.control.LedgerWriter;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The consent record: records consent changes as append-only, hash-chained events with the state
 * derived from them in the same transaction, and reads and verifies them.
 *
 * <p>Called inside a transaction, a change joins it, so that it commits or rolls back with the
 * caller's other work (a form stores a phone number and its opt-in together). Called outside, each
 * attempt runs in its own transaction and a deadlock is retried.
 *
 * <p>An opt-in by form, API or import of a double opt-in type is not recorded: it becomes a pending
 * opt-in ({@link ConsentOutcome.Pending}), and an {@link OptInConfirmationRequested} event is fired in
 * the same transaction for the confirmation text. {@link PendingOptIns#confirm} records it on the YES.
 * Any opt-out of a contact and type cancels its pending opt-in.
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

    @Inject
    Event<OptInConfirmationRequested> confirmationRequests;

    /** How long after a double opt-in confirmation text a repeated request for it queues no second one. */
    @Inject
    @ConfigProperty(name = "optline.double-opt-in.resend-minutes", defaultValue = "10")
    int resendMinutes;

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
        return TransactionConflicts.retry(ATTEMPTS, () -> "Consent change", () -> transactional.run(() -> append(requests)));
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

    /**
     * Returns, in one query, the explicit states for one type of those of {@code contactIds} that have
     * one, by contact id; for checks of many contacts at once, such as a send's batch of recipients.
     */
    public Map<Long, ConsentStateView> statesFor(long typeId, Collection<Long> contactIds) {
        return read(connection -> new ConsentReads(connection).statesFor(typeId, contactIds));
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
            LedgerWriter writer = new LedgerWriter(connection, Duration.ofMinutes(Math.max(0, resendMinutes)));
            List<ConsentOutcome> outcomes = writer.append(requests, phones, typesById, clock.instant());
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i) instanceof ConsentOutcome.Changed changed && requests.size() <= 10) {
                    ConsentRequest request = requests.get(i);
                    LOG.info(() -> "Consent of contact " + changed.contactId() + " for subscription type "
                            + request.subscriptionTypeId() + " set to " + changed.action() + " (event " + changed.seq()
                            + ", source " + request.source() + ", actor " + request.actorKind() + ")");
                }
            }
            for (OptInConfirmationRequested confirmation : writer.confirmations()) {
                LOG.info(() -> "Opt-in of contact " + confirmation.contactId() + " to subscription type "
                        + confirmation.subscriptionTypeId() + " waits for a YES (pending " + confirmation.pendingId()
                        + ", until " + confirmation.expiresAt() + "); confirmation text requested");
                confirmationRequests.fire(confirmation);
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

}
