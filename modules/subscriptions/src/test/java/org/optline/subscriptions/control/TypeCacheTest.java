package org.optline.subscriptions.control;

import org.junit.jupiter.api.Test;
import org.optline.subscriptions.api.ConsentType;
import org.optline.subscriptions.api.LocaleCode;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.State;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.Translation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TypeCacheTest {

    private static final Instant CREATED = Instant.parse("2026-03-02T09:00:00Z");

    /** The types the fake database contains now, and how often they were read. */
    private final List<SubscriptionTypeView> stored = new ArrayList<>(List.of(type(1, "Deals")));
    private int reads;
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private Runnable duringRead = () -> {
    };

    private final TypeCache cache = new TypeCache(() -> {
        reads++;
        List<SubscriptionTypeView> copy = List.copyOf(stored);
        duringRead.run();
        return copy;
    }, now::get);

    private static SubscriptionTypeView type(long id, String name) {
        LocaleCode en = new LocaleCode("en");
        return new SubscriptionTypeView(id, MessageType.SMS, ConsentType.OPT_IN, State.LIVE, en,
                List.of(new Translation(en, name, "")), 1, CREATED, CREATED);
    }

    @Test
    void copyServesWithinMaxAge() {
        cache.all(Set.of());
        stored.set(0, type(1, "Renamed elsewhere"));
        now.addAndGet(TypeCache.MAX_AGE.toNanos());

        List<SubscriptionTypeView> types = cache.all(Set.of());

        assertThat(reads).isEqualTo(1);
        assertThat(types.getFirst().defaultTranslation().name()).isEqualTo("Deals");
    }

    @Test
    void copyExpiresAfterMaxAge() {
        cache.all(Set.of());
        stored.set(0, type(1, "Renamed elsewhere"));
        now.addAndGet(TypeCache.MAX_AGE.toNanos() + 1);

        List<SubscriptionTypeView> types = cache.all(Set.of());

        assertThat(reads).isEqualTo(2);
        assertThat(types.getFirst().defaultTranslation().name()).isEqualTo("Renamed elsewhere");
    }

    @Test
    void expiredCopyServesDuringRefresh() {
        cache.all(Set.of());
        stored.set(0, type(1, "Renamed elsewhere"));
        now.addAndGet(TypeCache.MAX_AGE.toNanos() + 1);
        List<List<SubscriptionTypeView>> servedDuringRead = new ArrayList<>();
        duringRead = () -> servedDuringRead.add(cache.all(Set.of()));

        List<SubscriptionTypeView> refreshed = cache.all(Set.of());

        assertThat(reads).isEqualTo(2);
        assertThat(servedDuringRead).hasSize(1);
        assertThat(servedDuringRead.getFirst().getFirst().defaultTranslation().name()).isEqualTo("Deals");
        assertThat(refreshed.getFirst().defaultTranslation().name()).isEqualTo("Renamed elsewhere");
    }

    @Test
    void missingRequiredTypeReadsAgain() {
        cache.all(Set.of());
        stored.add(type(2, "Created elsewhere"));

        List<SubscriptionTypeView> types = cache.all(Set.of(2L));

        assertThat(reads).isEqualTo(2);
        assertThat(types).extracting(SubscriptionTypeView::id).containsExactly(1L, 2L);
    }

    @Test
    void invalidateReadsAgain() {
        cache.all(Set.of());
        stored.set(0, type(1, "Renamed here"));

        cache.invalidate();
        List<SubscriptionTypeView> types = cache.all(Set.of());

        assertThat(reads).isEqualTo(2);
        assertThat(types.getFirst().defaultTranslation().name()).isEqualTo("Renamed here");
    }

    @Test
    void readOverlappingChangeIsNotKept() {
        duringRead = () -> {
            stored.set(0, type(1, "Renamed during the read"));
            cache.invalidate();
        };
        cache.all(Set.of());
        duringRead = () -> {
        };

        List<SubscriptionTypeView> types = cache.all(Set.of());

        assertThat(reads).isEqualTo(2);
        assertThat(types.getFirst().defaultTranslation().name()).isEqualTo("Renamed during the read");
    }
}
