package org.optline.platform.work;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The background loop of a worker that claims rows under leases: it runs one round of work at a fixed
 * delay, never two rounds of the same worker at once, and catches every RuntimeException, which would
 * otherwise end the scheduling. The worker's {@link #owner()} names this instance in its leases and logs.
 */
public final class PollingLoop {

    private final String name;
    private final Logger log;
    private final String owner = instanceName();
    private final ReentrantLock working = new ReentrantLock();
    private volatile boolean stopping;
    private ScheduledFuture<?> polling;
    private long delaySeconds;

    /**
     * @param name what the worker does, for logs, such as "SMS send worker"
     * @param log  the worker's logger
     */
    public PollingLoop(String name, Logger log) {
        this.name = name;
        this.log = log;
    }

    /** Runs {@code round} every {@code delaySeconds} after the previous round ended, starting after one delay. */
    public void start(ScheduledExecutorService executor, long delaySeconds, Runnable round) {
        this.delaySeconds = delaySeconds;
        polling = executor.scheduleWithFixedDelay(() -> runRound(round), delaySeconds, delaySeconds, TimeUnit.SECONDS);
    }

    /** Stops scheduling rounds; a running round sees {@link #stopping()} and ends early. */
    public void stop() {
        stopping = true;
        if (polling != null) {
            polling.cancel(false);
        }
    }

    /** Returns whether the instance is shutting down, so that a round stops claiming work. */
    public boolean stopping() {
        return stopping;
    }

    /** Returns the name that distinguishes this instance in leases and logs. */
    public String owner() {
        return owner;
    }

    private void runRound(Runnable round) {
        if (stopping || !working.tryLock()) {
            return;
        }
        try {
            round.run();
        } catch (RuntimeException e) {
            log.log(Level.WARNING, name + " " + owner + " failed; it tries again in " + delaySeconds + " s", e);
        } finally {
            working.unlock();
        }
    }

    /** Returns a name that distinguishes instances in leases and logs: host, process id and a random suffix. */
    public static String instanceName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "host");
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        String name = host + "/" + ProcessHandle.current().pid() + "/" + HexFormat.of().formatHex(random);
        return name.length() <= 100 ? name : name.substring(name.length() - 100);
    }
}
