package org.optline.messaging.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.optline.messaging.control.carrier.CarrierOptOuts;
import org.optline.platform.StartupCompleted;
import org.optline.platform.work.PollingLoop;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Runs sends in the background of every app instance. Once a second it lists the recipients of due
 * sends from the audience, page by page, and then claims batches of recipients, sends their messages
 * and records each outcome. Every instance does this against the same tables; the leases in
 * {@link SendRows} and {@link RecipientClaims} keep two instances off the same row.
 */
@ApplicationScoped
public class SendWorker {

    private static final Logger LOG = Logger.getLogger(SendWorker.class.getName());

    private static final long POLL_SECONDS = 1;
    static final int LIST_PAGE = 1_000;
    // NOTE: a batch must finish within the lease, or another instance takes its remaining rows over, and
    // a row whose gateway call was under way counts as in doubt. Fifty sandbox sends take well under a
    // second; a slow gateway needs a longer optline.sms.lease-seconds.
    static final int BATCH = 50;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    RecipientLists recipientLists;

    @Inject
    Delivery delivery;

    @Inject
    CarrierOptOuts carrierOptOuts;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "optline.sms.lease-seconds", defaultValue = "60")
    int leaseSeconds;

    private final PollingLoop loop = new PollingLoop("SMS send worker", LOG);
    private final String owner = loop.owner();

    void start(@Observes StartupCompleted event) {
        if (leaseSeconds < 5) {
            LOG.warning(() -> "optline.sms.lease-seconds is " + leaseSeconds + "; using 5, the shortest lease that "
                    + "outlasts a slow batch");
            leaseSeconds = 5;
        }
        loop.start(executor, POLL_SECONDS, this::poll);
        LOG.info(() -> "SMS send worker " + owner + " started, lease " + leaseSeconds + " s");
    }

    @PreDestroy
    void stop() {
        loop.stop();
    }

    /** Lists and sends until nothing is due. */
    void poll() {
        listDueSends();
        while (!loop.stopping() && sendBatch() > 0) {
            listDueSends();
        }
        finishSends();
    }

    private void listDueSends() {
        Optional<SendView> claimed = run(rows -> new SendRows(rows).claimForListing(owner, leaseSeconds, clock.instant()));
        while (claimed.isPresent() && !loop.stopping()) {
            SendView send = claimed.get();
            LOG.info(() -> "SMS send " + send.id() + ": " + owner + " lists its recipients");
            list(send);
            claimed = run(rows -> new SendRows(rows).claimForListing(owner, leaseSeconds, clock.instant()));
        }
    }

    private void list(SendView send) {
        long after = run(rows -> new SendRows(rows).listedAfter(send.id()));
        while (!loop.stopping()) {
            List<Long> page = recipientLists.page(send, after, LIST_PAGE);
            boolean last = page.size() < LIST_PAGE;
            boolean kept = run(rows -> new SendRows(rows).addRecipients(send.id(), owner, leaseSeconds, page, last,
                    clock.instant()));
            if (!kept) {
                LOG.warning(() -> "SMS send " + send.id() + ": " + owner + " lost its listing lease; the new owner continues");
                return;
            }
            if (last) {
                LOG.info(() -> "SMS send " + send.id() + ": recipients listed, sending starts");
                return;
            }
            after = page.getLast();
        }
    }

    /** Claims one batch of recipients of running sends, delivers them and returns how many there were. */
    private int sendBatch() {
        List<RecipientClaims.Claimed> batch = run(connection -> {
            RecipientClaims claims = new RecipientClaims(connection);
            return claims.claim(claims.sendingSends(), owner, leaseSeconds, BATCH);
        });
        Map<Long, SendView> sends = new HashMap<>();
        for (RecipientClaims.Claimed recipient : batch) {
            if (loop.stopping()) {
                break;
            }
            SendView send = sends.computeIfAbsent(recipient.sendId(),
                    id -> run(rows -> new SendRows(rows).find(id)).orElseThrow());
            Instant now = clock.instant();
            Delivery.Prepared prepared = delivery.prepare(recipient, send, now);
            if (prepared.outcome() == null && !run(connection -> new RecipientClaims(connection)
                    .markGatewayCall(recipient, owner))) {
                LOG.warning(() -> "SMS send " + recipient.sendId() + ", contact " + recipient.contactId() + ": " + owner
                        + " lost its claim before the gateway call; the new owner sends it");
                continue;
            }
            Delivery.Outcome outcome = delivery.send(recipient, prepared, now);
            boolean recorded = run(connection -> new RecipientClaims(connection).record(recipient, owner, outcome.state(),
                    outcome.reason(), outcome.detail(), outcome.notBefore(), outcome.attempts(), outcome.providerMessageId(),
                    outcome.maskedPhone(), now));
            if (!recorded) {
                LOG.warning(() -> "SMS send " + recipient.sendId() + ", contact " + recipient.contactId() + ": " + owner
                        + " lost its claim before recording " + outcome.state());
            } else if (!outcome.state().equals("SENT")) {
                LOG.info(() -> "SMS send " + recipient.sendId() + ", contact " + recipient.contactId() + ": "
                        + outcome.state() + (outcome.reason() == null ? "" : " (" + outcome.reason().label() + ")")
                        + (outcome.detail() == null ? "" : ": " + outcome.detail()));
            }
            if (recorded && outcome.carrierOptOut()) {
                carrierOptOuts.record(prepared.phone(), "SMS send " + recipient.sendId() + " to contact "
                        + recipient.contactId());
            }
        }
        return batch.size();
    }

    private void finishSends() {
        for (long id : run(rows -> new SendRows(rows).finishDone(clock.instant()))) {
            LOG.info(() -> "SMS send " + id + " done");
        }
    }

    private interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private <T> T run(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("SMS send storage failed: " + e.getMessage(), e);
        }
    }
}
