package org.optline.subscriptions.control;

import org.optline.subscriptions.api.SubscriptionTypeView;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The subscription types as last read from the database, for hot read paths that need every type on
 * each request, such as a contact's subscription list. A copy is used for at most {@link #MAX_AGE},
 * and this instance's own changes drop it at once. Consent states are never cached.
 */
public final class TypeCache {

    /** How long another instance's change to a type may go unseen here. */
    public static final Duration MAX_AGE = Duration.ofSeconds(10);

    private record Snapshot(List<SubscriptionTypeView> types, Set<Long> ids, long loadedAt) {
    }

    private final Supplier<List<SubscriptionTypeView>> loader;
    private final LongSupplier nanoClock;
    /** Counts invalidations, so that a read that overlapped a change does not store what it read. */
    private final AtomicLong generation = new AtomicLong();
    /** Set while one caller reads an expired copy again, so that the others keep using it meanwhile. */
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Snapshot snapshot;

    /**
     * @param loader    reads every type from the database, in id order
     * @param nanoClock the time in nanoseconds, {@link System#nanoTime} outside tests
     */
    public TypeCache(Supplier<List<SubscriptionTypeView>> loader, LongSupplier nanoClock) {
        this.loader = loader;
        this.nanoClock = nanoClock;
    }

    /**
     * Returns every type, in id order, read at most {@link #MAX_AGE} ago. Reads again when one of
     * {@code required} is missing, because a type another instance created just now may already have
     * consent recorded.
     *
     * <p>When the copy has only expired, one caller reads the types again and the callers that come
     * meanwhile get the expired copy, so that a busy instance sends one read instead of one per request.
     */
    public List<SubscriptionTypeView> all(Collection<Long> required) {
        Snapshot current = snapshot;
        boolean usable = current != null && current.ids().containsAll(required);
        if (usable && nanoClock.getAsLong() - current.loadedAt() <= MAX_AGE.toNanos()) {
            return current.types();
        }
        if (!usable) {
            return load().types();
        }
        if (!refreshing.compareAndSet(false, true)) {
            return current.types();
        }
        try {
            return load().types();
        } finally {
            refreshing.set(false);
        }
    }

    /** Drops the copy, so that the next read sees this instance's change. */
    public synchronized void invalidate() {
        generation.incrementAndGet();
        snapshot = null;
    }

    private Snapshot load() {
        long before = generation.get();
        long loadedAt = nanoClock.getAsLong();
        List<SubscriptionTypeView> types = List.copyOf(loader.get());
        Set<Long> ids = types.stream().map(SubscriptionTypeView::id).collect(Collectors.toUnmodifiableSet());
        Snapshot loaded = new Snapshot(types, ids, loadedAt);
        synchronized (this) {
            if (generation.get() == before) {
                snapshot = loaded;
            }
        }
        return loaded;
    }
}
