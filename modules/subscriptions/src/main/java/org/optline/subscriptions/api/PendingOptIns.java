package org.optline.subscriptions.api;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.optline.contacts.api.ContactPhone;
import org.optline.contacts.api.Contacts;
import org.optline.subscriptions.control.PendingRows;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Opt-ins of double opt-in types that wait for the customer's YES by text. {@link ConsentLedger} stores
 * them in place of the opt-in event; this bean reports whether a number has one and completes them.
 * A pending opt-in lapses {@link PendingRows#LIFETIME 30 days} after its latest request and can then
 * no longer be confirmed.
 */
@ApplicationScoped
public class PendingOptIns {

    private static final Logger LOG = Logger.getLogger(PendingOptIns.class.getName());

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    ConsentLedger ledger;

    @Inject
    Contacts contacts;

    @Inject
    Clock clock;

    /** Returns whether a YES from {@code e164} would confirm at least one pending opt-in now. */
    public boolean hasPending(String e164) {
        try (Connection connection = dataSource.getConnection()) {
            return new PendingRows(connection).anyWaiting(e164, clock.instant());
        } catch (SQLException e) {
            throw new ConsentStorageException(e);
        }
    }

    /** Returns when each pending opt-in of a contact lapses, by subscription type id. */
    public Map<Long, Instant> pendingOf(long contactId) {
        try (Connection connection = dataSource.getConnection()) {
            return new PendingRows(connection).waitingOf(contactId, clock.instant());
        } catch (SQLException e) {
            throw new ConsentStorageException(e);
        }
    }

    /**
     * Completes every pending opt-in of the number that has not lapsed: records each as an opt-in event
     * (source SMS_CONFIRMATION, actor CUSTOMER) with the evidence of its request, the keyword and the
     * inbound message, and marks the pending rows CONFIRMED. Lapsed rows are marked EXPIRED and rows
     * whose contact no longer has this number are CANCELLED; neither is recorded. Joins the caller's
     * transaction, so that the inbound message's other work commits with the opt-ins.
     *
     * @param keyword   the normalized keyword the customer texted, such as {@code YES}
     * @param inboundId the inbound message
     * @return one outcome per recorded request, oldest pending opt-in first; empty when nothing was pending
     */
    @Transactional
    public List<ConsentOutcome> confirm(String e164, String keyword, long inboundId) {
        Instant now = clock.instant();
        // NOTE: these row locks come before the ledger's chain-head locks, the reverse of a new request's
        // order. A YES and a repeated request of the same contact at the same moment can therefore deadlock,
        // and the database then rolls one of them back with an error.
        List<PendingRows.Waiting> waiting;
        try (Connection connection = dataSource.getConnection()) {
            waiting = new PendingRows(connection).lockWaiting(e164, now);
        } catch (SQLException e) {
            throw new ConsentStorageException(e);
        }
        if (waiting.isEmpty()) {
            return List.of();
        }
        Map<Long, ContactPhone> phones = contacts.phones(waiting.stream().map(PendingRows.Waiting::contactId).toList());
        List<PendingRows.Waiting> confirmable = new ArrayList<>();
        List<Long> cancelled = new ArrayList<>();
        List<ConsentRequest> requests = new ArrayList<>();
        for (PendingRows.Waiting row : waiting) {
            ContactPhone phone = phones.get(row.contactId());
            if (phone == null || !e164.equals(phone.phone())) {
                cancelled.add(row.id());
                continue;
            }
            confirmable.add(row);
            requests.add(new ConsentRequest(row.contactId(), row.subscriptionTypeId(), ConsentAction.OPT_IN,
                    ConsentSource.SMS_CONFIRMATION, ActorKind.CUSTOMER, null,
                    row.evidence().withInboundSms(keyword, inboundId), null, null));
        }
        List<ConsentOutcome> outcomes = ledger.recordAll(requests);
        try (Connection connection = dataSource.getConnection()) {
            PendingRows rows = new PendingRows(connection);
            for (long id : cancelled) {
                rows.resolve(id, "CANCELLED", null, now);
                LOG.info(() -> "Pending opt-in " + id + " cancelled: its contact no longer has the number that "
                        + "confirmed it (inbound message " + inboundId + ")");
            }
            for (int i = 0; i < confirmable.size(); i++) {
                PendingRows.Waiting row = confirmable.get(i);
                ConsentOutcome outcome = outcomes.get(i);
                switch (outcome) {
                    case ConsentOutcome.Changed changed -> rows.resolve(row.id(), "CONFIRMED", changed.seq(), now);
                    case ConsentOutcome.AlreadySo already -> rows.resolve(row.id(), "CONFIRMED", null, now);
                    case ConsentOutcome.Refused refused -> rows.resolve(row.id(), "CANCELLED", null, now);
                    case ConsentOutcome.Pending stillPending -> throw new IllegalStateException(
                            "A confirmation by text cannot wait for another confirmation");
                }
                LOG.info(() -> "Pending opt-in " + row.id() + " of contact " + row.contactId() + " to subscription type "
                        + row.subscriptionTypeId() + " answered by inbound message " + inboundId + ": " + describe(outcome));
            }
        } catch (SQLException e) {
            throw new ConsentStorageException(e);
        }
        return outcomes;
    }

    private static String describe(ConsentOutcome outcome) {
        return switch (outcome) {
            case ConsentOutcome.Changed changed -> "confirmed as consent event " + changed.seq();
            case ConsentOutcome.AlreadySo already -> "confirmed, the contact was opted in already";
            case ConsentOutcome.Refused refused -> "cancelled, " + refused.message();
            case ConsentOutcome.Pending pending -> "still pending";
        };
    }
}
