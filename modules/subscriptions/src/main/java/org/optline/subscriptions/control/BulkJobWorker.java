package org.optline.subscriptions.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.optline.platform.StartupCompleted;
import org.optline.platform.work.TransactionConflicts;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs bulk consent jobs in the background of every app instance. Once a second it claims a job in the
 * database and processes it chunk by chunk until it is done, its lease is lost, or the instance stops.
 *
 * <p>It starts once the app has applied the database migrations and stops with the app: a stop lets
 * the running chunk commit and releases the lease, so another instance continues at once. A killed
 * instance's lease expires after {@code optline.bulk.lease-seconds}, and then any instance continues.
 *
 * <p>NOTE: Payara Micro 7.2026.11 was seen to exit on SIGTERM without destroying the application scope,
 * so {@link #stop} does not run then and the lease expires instead of being released.
 */
@ApplicationScoped
public class BulkJobWorker {

    private static final Logger LOG = Logger.getLogger(BulkJobWorker.class.getName());

    private static final long POLL_SECONDS = 1;
    private static final long STOP_WAIT_SECONDS = 30;
    private static final int MAX_THREADS = 16;
    private static final int CHUNK_ATTEMPTS = 4;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    BulkJobChunk chunks;

    @Inject
    Clock clock;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService lanes;

    @Inject
    @ConfigProperty(name = "optline.bulk.lease-seconds", defaultValue = "60")
    int leaseSeconds;

    /** Threads that record chunks of one job at once. Chunks never share a contact, so they do not wait for each other. */
    @Inject
    @ConfigProperty(name = "optline.bulk.threads", defaultValue = "2")
    int threads;

    private final String owner = instanceName();
    private final ReentrantLock working = new ReentrantLock();
    private volatile boolean stopping;
    private ScheduledFuture<?> polling;

    void start(@Observes StartupCompleted event) {
        if (leaseSeconds < 5) {
            LOG.warning(() -> "optline.bulk.lease-seconds is " + leaseSeconds + "; using 5, the shortest lease that "
                    + "outlasts a slow chunk");
            leaseSeconds = 5;
        }
        if (threads < 1 || threads > MAX_THREADS) {
            int configured = threads;
            threads = Math.clamp(threads, 1, MAX_THREADS);
            LOG.warning(() -> "optline.bulk.threads is " + configured + "; using " + threads + " (allowed: 1 to "
                    + MAX_THREADS + ")");
        }
        polling = executor.scheduleWithFixedDelay(this::poll, POLL_SECONDS, POLL_SECONDS, TimeUnit.SECONDS);
        LOG.info(() -> "Bulk job worker " + owner + " started, lease " + leaseSeconds + " s, " + threads + " thread(s) per job");
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (polling != null) {
            polling.cancel(false);
        }
        try {
            if (working.tryLock(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                working.unlock();
                LOG.info(() -> "Bulk job worker " + owner + " stopped");
            } else {
                LOG.warning(() -> "Bulk job worker " + owner + " still works after " + STOP_WAIT_SECONDS
                        + " s; its lease will expire and another instance will continue the job");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Claims and works on jobs until none is left. It catches every RuntimeException, because one thrown
     * out of a scheduled task would end the polling.
     */
    void poll() {
        if (stopping || !working.tryLock()) {
            return;
        }
        try {
            Optional<Long> job = claim();
            while (job.isPresent() && !stopping) {
                work(job.get());
                job = stopping ? Optional.empty() : claim();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Bulk job worker " + owner + " failed to claim a job; it retries in "
                    + POLL_SECONDS + " s", e);
        } finally {
            working.unlock();
        }
    }

    private Optional<Long> claim() {
        try (Connection connection = dataSource.getConnection()) {
            Optional<Long> job = new BulkJobClaims(connection).claimNext(owner, leaseSeconds, clock.instant());
            job.ifPresent(id -> LOG.info(() -> "Bulk job " + id + " claimed by " + owner));
            return job;
        } catch (SQLException e) {
            throw new IllegalStateException("Claiming a bulk job failed: " + e.getMessage(), e);
        }
    }

    /**
     * Works on a claimed job with {@code optline.bulk.threads} threads, each recording chunks until the
     * job is done or over for this instance, and releases the lease when the instance stops first.
     */
    private void work(long jobId) {
        AtomicBoolean over = new AtomicBoolean();
        List<Future<?>> others = new ArrayList<>();
        for (int lane = 1; lane < threads; lane++) {
            others.add(lanes.submit(() -> lane(jobId, over)));
        }
        lane(jobId, over);
        for (Future<?> other : others) {
            try {
                other.get();
            } catch (ExecutionException e) {
                LOG.log(Level.WARNING, "Bulk job " + jobId + ": a worker thread failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (stopping && !over.get()) {
            release(jobId);
        }
    }

    /**
     * Records chunks of the job until none is left for this thread. {@code over} becomes true when the
     * job is finished, failed or no longer this instance's, which stops the other threads too.
     */
    private void lane(long jobId, AtomicBoolean over) {
        while (!stopping && !over.get()) {
            BulkJobChunk.Result result;
            try {
                result = processWithRetry(jobId);
            } catch (BulkJobChunk.LeaseLostException e) {
                result = new BulkJobChunk.LeaseLost();
            } catch (RuntimeException e) {
                over.set(true);
                fail(jobId, e);
                return;
            }
            switch (result) {
                case BulkJobChunk.Processed chunk -> LOG.info(() -> "Bulk job " + jobId + ": chunk recorded by " + owner
                        + " (changed " + chunk.tally().changed() + ", already so " + chunk.tally().already()
                        + ", refused " + chunk.tally().refused() + "), " + chunk.processedCount() + " of "
                        + chunk.totalCount() + " contacts done");
                case BulkJobChunk.Busy busy -> {
                    return;
                }
                case BulkJobChunk.Finished done -> {
                    over.set(true);
                    LOG.info(() -> "Bulk job " + jobId + " done: changed " + done.changedCount() + ", already so "
                            + done.alreadyCount() + ", refused " + done.refusedCount());
                    return;
                }
                case BulkJobChunk.LeaseLost lost -> {
                    over.set(true);
                    LOG.warning(() -> "Bulk job " + jobId + ": " + owner + " lost its lease; the new owner continues");
                    return;
                }
            }
        }
    }

    /**
     * Processes one chunk, trying again after a deadlock or failed commit, which rolled the whole chunk
     * back, with the consent ledger's random pause in between.
     */
    private BulkJobChunk.Result processWithRetry(long jobId) {
        return TransactionConflicts.retry(CHUNK_ATTEMPTS, () -> "Bulk job " + jobId + ": a chunk",
                () -> chunks.processNext(jobId, owner, leaseSeconds));
    }

    private void fail(long jobId, RuntimeException error) {
        String message = SqlErrors.describe(error);
        try (Connection connection = dataSource.getConnection()) {
            boolean failed = new BulkJobClaims(connection).recordFailure(jobId, owner, message, clock.instant());
            if (failed) {
                LOG.log(Level.SEVERE, "Bulk job " + jobId + " FAILED after repeated chunk failures; finished chunks "
                        + "stay recorded. Last error: " + message, error);
            } else {
                LOG.log(Level.WARNING, "Bulk job " + jobId + ": a chunk failed and was rolled back; it is retried "
                        + "later. Error: " + message, error);
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Bulk job " + jobId + ": a chunk failed (" + message + "), and recording the "
                    + "failure failed too; the lease expires and the chunk is retried", e);
        }
    }

    private void release(long jobId) {
        try (Connection connection = dataSource.getConnection()) {
            if (new BulkJobClaims(connection).release(jobId, owner)) {
                LOG.info(() -> "Bulk job " + jobId + " released by " + owner + ", which is stopping");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Bulk job " + jobId + ": releasing the lease failed; it expires within "
                    + leaseSeconds + " s", e);
        }
    }

    /** Returns a name that distinguishes instances in leases and logs: host, process id and a random suffix. */
    static String instanceName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "host");
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        String name = host + "/" + ProcessHandle.current().pid() + "/" + HexFormat.of().formatHex(random);
        return name.length() <= 100 ? name : name.substring(name.length() - 100);
    }
}
