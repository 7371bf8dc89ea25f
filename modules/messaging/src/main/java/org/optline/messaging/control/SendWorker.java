package org.optline.messaging.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.optline.messaging.api.SmsGateway;
import org.optline.messaging.control.carrier.CarrierOptOuts;
import org.optline.platform.StartupCompleted;
import org.optline.platform.work.PollingLoop;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
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
    // a row whose gateway call was under way counts as in doubt. Fifty calls of a gateway that sends one
    // message per call take well under a second in the sandbox, but a slow gateway needs a longer
    // optline.sms.lease-seconds. A gateway that takes a whole batch in one call gets larger batches.
    static final int BATCH = 50;
    static final int BULK_BATCH = 1_000;
    private static final int MAX_THREADS = 16;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService lanes;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threadFactory;

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    RecipientLists recipientLists;

    @Inject
    Delivery delivery;

    @Inject
    CarrierOptOuts carrierOptOuts;

    @Inject
    SmsGateway gateway;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "optline.sms.lease-seconds", defaultValue = "60")
    int leaseSeconds;

    /**
     * Threads that send batches at once. Their claims skip each other's rows, so they do not wait for
     * each other. Each claims under a lease owner of its own, so a thread sends none of the rows that
     * another took over after their lease expired, as between instances. With more than one thread,
     * timing decides which contact of a shared number gets the message. With one, the lowest contact id
     * gets it, as the preview shows.
     */
    @Inject
    @ConfigProperty(name = "optline.sms.send-threads", defaultValue = "1")
    int threads;

    private final PollingLoop loop = new PollingLoop("SMS send worker", LOG);
    private final String owner = loop.owner();
    private final AtomicInteger threadsStarted = new AtomicInteger();
    /**
     * Ends batches for a gateway that takes a whole batch in one call: the gateway call and the outcomes,
     * while the sending thread claims and checks its next batch. One thread per sending thread, so that
     * no sending thread waits for another's batch.
     */
    private ExecutorService finishers;

    void start(@Observes StartupCompleted event) {
        if (leaseSeconds < 5) {
            LOG.warning(() -> "optline.sms.lease-seconds is " + leaseSeconds + "; using 5, the shortest lease that "
                    + "outlasts a slow batch");
            leaseSeconds = 5;
        }
        if (threads < 1 || threads > MAX_THREADS) {
            int configured = threads;
            threads = Math.clamp(threads, 1, MAX_THREADS);
            LOG.warning(() -> "optline.sms.send-threads is " + configured + "; using " + threads + " (allowed: 1 to "
                    + MAX_THREADS + ")");
        }
        finishers = Executors.newFixedThreadPool(threads, threadFactory);
        loop.start(executor, POLL_SECONDS, this::poll);
        LOG.info(() -> "SMS send worker " + owner + " started, lease " + leaseSeconds + " s, " + threads
                + " sending thread(s)");
    }

    @PreDestroy
    void stop() {
        loop.stop();
        if (finishers != null) {
            finishers.shutdown();
        }
    }

    /**
     * Lists and sends until nothing is due. This thread also lists sends that fall due meanwhile, and the
     * other threads only send.
     */
    void poll() {
        listDueSends();
        List<Future<?>> others = new ArrayList<>();
        for (int lane = 1; lane < threads; lane++) {
            String laneOwner = threadOwner();
            others.add(lanes.submit(() -> sendUntilNoneDue(laneOwner, false)));
        }
        try {
            sendUntilNoneDue(owner, true);
        } finally {
            // Also when this thread failed, so that the next round does not start threads beside these.
            awaitThreads(others);
        }
        finishSends();
    }

    private void awaitThreads(List<Future<?>> running) {
        for (Future<?> thread : running) {
            try {
                thread.get();
            } catch (ExecutionException e) {
                LOG.log(Level.WARNING, "SMS send worker " + owner + ": a sending thread failed; its claimed recipients "
                        + "are sent again once their lease expires", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Claims, checks and sends batches until none is due. The end of a batch for a gateway that takes it
     * in one call runs on a finishing thread while this one claims and checks the next batch, so the
     * database works on both at once. At most one batch is finishing: the next one waits for it before
     * it goes to the gateway. Contacts are still checked and their numbers claimed in the order of the
     * batches, so that with one sending thread the lowest contact id of a shared number gets the message.
     *
     * @param lists whether this thread also lists the sends that fall due meanwhile
     */
    private void sendUntilNoneDue(String leaseOwner, boolean lists) {
        Future<?> finishing = null;
        try {
            while (!loop.stopping()) {
                Batch batch = claimAndCheck(leaseOwner);
                Future<?> previous = finishing;
                finishing = null;
                awaitFinished(previous);
                if (batch.size() == 0) {
                    return;
                }
                finishing = batch.rest() == null ? null : finish(batch.rest());
                if (lists) {
                    listDueSends();
                }
            }
        } finally {
            if (finishing != null) {
                try {
                    awaitFinished(finishing);
                } catch (IllegalStateException e) {
                    LOG.log(Level.WARNING, "SMS send worker " + leaseOwner + ": " + e.getMessage(), e.getCause());
                }
            }
        }
    }

    /**
     * Hands the rest of a batch to a finishing thread, or runs it on this thread and returns null once
     * the instance shuts down and the finishing threads take no more work. Otherwise the checked batch
     * would wait for its lease to expire before another instance sent it.
     */
    private Future<?> finish(Runnable rest) {
        try {
            return finishers.submit(rest);
        } catch (RejectedExecutionException e) {
            rest.run();
            return null;
        }
    }

    /** Waits for a batch's gateway call and outcomes, and fails when they failed. */
    private static void awaitFinished(Future<?> finishing) {
        if (finishing == null) {
            return;
        }
        try {
            finishing.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("finishing a batch failed; its recipients are sent again once their "
                    + "lease expires", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a batch was finishing; its recipients are sent again "
                    + "once their lease expires", e);
        }
    }

    /**
     * Returns a lease owner for one more sending thread: the instance's owner and a number that no
     * earlier thread of this instance had. With the instance's owner, a thread would go on sending rows
     * that another thread took over after their lease expired, and text those recipients twice. The
     * number is new on every round, so no two threads of the instance ever share an owner.
     */
    private String threadOwner() {
        String name = owner + "/" + threadsStarted.incrementAndGet();
        return name.length() <= 100 ? name : name.substring(name.length() - 100);
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

    /**
     * A claimed batch after its checks.
     *
     * @param size how many recipients were claimed
     * @param rest what is left to do: the gateway call and the outcomes of a batch for a gateway that
     *             takes it in one call, or null when the batch is done
     */
    private record Batch(int size, Runnable rest) {
    }

    /**
     * Claims one batch of recipients of running sends under {@code leaseOwner} and checks them. A batch
     * for a gateway that takes it in one call returns its gateway call and outcomes as the rest. Any
     * other batch is sent here, one message at a time.
     */
    private Batch claimAndCheck(String leaseOwner) {
        int size = inBulk() ? BULK_BATCH : BATCH;
        List<RecipientClaims.Claimed> batch = run(connection -> {
            RecipientClaims claims = new RecipientClaims(connection);
            return claims.claim(claims.sendingSends(), leaseOwner, leaseSeconds, size);
        });
        Map<Long, List<RecipientClaims.Claimed>> bySend = new LinkedHashMap<>();
        for (RecipientClaims.Claimed recipient : batch) {
            bySend.computeIfAbsent(recipient.sendId(), id -> new ArrayList<>()).add(recipient);
        }
        List<Runnable> rests = new ArrayList<>();
        for (Map.Entry<Long, List<RecipientClaims.Claimed>> recipients : bySend.entrySet()) {
            if (loop.stopping()) {
                break;
            }
            SendView send = run(rows -> new SendRows(rows).find(recipients.getKey())).orElseThrow();
            if (inBulk()) {
                rests.add(checkInBulk(send, recipients.getValue(), leaseOwner));
            } else {
                for (RecipientClaims.Claimed recipient : recipients.getValue()) {
                    if (loop.stopping()) {
                        break;
                    }
                    deliverOne(send, recipient, leaseOwner);
                }
            }
        }
        return new Batch(batch.size(), rests.isEmpty() ? null : () -> rests.forEach(Runnable::run));
    }

    /** A recipient's outcome with what it was prepared as, for the log and the carrier's opt-outs. */
    private record Delivered(RecipientClaims.Claimed recipient, Delivery.Prepared prepared, Delivery.Outcome outcome) {

        RecipientClaims.Outcome row() {
            return new RecipientClaims.Outcome(recipient, outcome.state(), outcome.reason(), outcome.detail(),
                    outcome.notBefore(), outcome.attempts(), outcome.providerMessageId(), outcome.maskedPhone());
        }
    }

    /**
     * Returns whether batches go to the gateway in one call: only to a gateway that takes them so and
     * deduplicates, because a crash during the call leaves the whole batch in doubt.
     */
    private boolean inBulk() {
        return gateway.sendsInBulk() && gateway.deduplicates();
    }

    /**
     * Checks the recipients of one send in one transaction and returns the rest of their delivery: mark
     * all their gateway calls with one statement, send the messages in one gateway call and record the
     * outcomes in one transaction. A crash in between leaves the batch in doubt, and the gateway's
     * deduplication makes sending it again harmless.
     */
    private Runnable checkInBulk(SendView send, List<RecipientClaims.Claimed> recipients, String leaseOwner) {
        List<Delivery.Prepared> prepared = delivery.prepareAll(recipients, send, clock.instant());
        List<Delivered> decided = new ArrayList<>();
        List<RecipientClaims.Claimed> toSend = new ArrayList<>();
        Map<RecipientClaims.Claimed, Delivery.Prepared> messages = new HashMap<>();
        for (int i = 0; i < recipients.size(); i++) {
            Delivery.Prepared message = prepared.get(i);
            if (message.outcome() != null) {
                decided.add(new Delivered(recipients.get(i), message, message.outcome()));
            } else {
                toSend.add(recipients.get(i));
                messages.put(recipients.get(i), message);
            }
        }
        return () -> sendInBulk(send, decided, toSend, messages, leaseOwner);
    }

    private void sendInBulk(SendView send, List<Delivered> decided, List<RecipientClaims.Claimed> toSend,
                            Map<RecipientClaims.Claimed, Delivery.Prepared> messages, String leaseOwner) {
        List<RecipientClaims.Claimed> held = toSend.isEmpty() ? List.of() : run(connection -> new RecipientClaims(connection)
                .markGatewayCalls(toSend, leaseOwner));
        if (held.size() < toSend.size()) {
            LOG.warning(() -> "SMS send " + send.id() + ": " + leaseOwner + " lost its claim on "
                    + (toSend.size() - held.size()) + " recipients before the gateway call; the new owner sends them");
        }
        List<SmsGateway.Result> results = held.isEmpty() ? List.of() : gateway.sendAll(held.stream()
                .map(recipient -> delivery.message(recipient, messages.get(recipient))).toList());
        Instant sentAt = clock.instant();
        List<Delivered> delivered = new ArrayList<>(decided);
        for (int i = 0; i < held.size(); i++) {
            RecipientClaims.Claimed recipient = held.get(i);
            Delivery.Prepared message = messages.get(recipient);
            delivered.add(new Delivered(recipient, message, delivery.outcomeOf(recipient, message, results.get(i),
                    sentAt)));
        }
        record(delivered, sentAt, leaseOwner);
    }

    /**
     * Checks one recipient, then marks its gateway call, sends its message and records the outcome at
     * once, so that a crash leaves at most this message in doubt. An outcome that needs no call, such as
     * a row in doubt that the gateway cannot deduplicate, is recorded right after the check.
     */
    private void deliverOne(SendView send, RecipientClaims.Claimed recipient, String leaseOwner) {
        Delivery.Prepared message = delivery.prepareAll(List.of(recipient), send, clock.instant()).getFirst();
        if (message.outcome() != null) {
            record(List.of(new Delivered(recipient, message, message.outcome())), clock.instant(), leaseOwner);
            return;
        }
        if (!run(connection -> new RecipientClaims(connection).markGatewayCall(recipient, leaseOwner))) {
            LOG.warning(() -> "SMS send " + recipient.sendId() + ", contact " + recipient.contactId() + ": "
                    + leaseOwner + " lost its claim before the gateway call; the new owner sends it");
            return;
        }
        Instant sentAt = clock.instant();
        record(List.of(new Delivered(recipient, message, delivery.send(recipient, message, sentAt))), sentAt, leaseOwner);
    }

    /** Records outcomes in one transaction, then logs those that are not SENT and reports carrier opt-outs. */
    private void record(List<Delivered> delivered, Instant now, String leaseOwner) {
        if (delivered.isEmpty()) {
            return;
        }
        boolean[] recorded = run(connection -> new RecipientClaims(connection)
                .recordAll(delivered.stream().map(Delivered::row).toList(), leaseOwner, now));
        for (int i = 0; i < delivered.size(); i++) {
            RecipientClaims.Claimed recipient = delivered.get(i).recipient();
            Delivery.Outcome outcome = delivered.get(i).outcome();
            if (!recorded[i]) {
                LOG.warning(() -> "SMS send " + recipient.sendId() + ", contact " + recipient.contactId() + ": "
                        + leaseOwner + " lost its claim before recording " + outcome.state());
                continue;
            }
            if (!outcome.state().equals("SENT")) {
                LOG.info(() -> "SMS send " + recipient.sendId() + ", contact " + recipient.contactId() + ": "
                        + outcome.state() + (outcome.reason() == null ? "" : " (" + outcome.reason().label() + ")")
                        + (outcome.detail() == null ? "" : ": " + outcome.detail()));
            }
            if (outcome.carrierOptOut()) {
                carrierOptOuts.record(delivered.get(i).prepared().phone(), "SMS send " + recipient.sendId()
                        + " to contact " + recipient.contactId());
            }
        }
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
