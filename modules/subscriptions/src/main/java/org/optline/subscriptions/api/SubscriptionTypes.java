package org.optline.subscriptions.api;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.optline.subscriptions.control.TypeCache;
import org.optline.subscriptions.control.TypeRows;
import org.optline.subscriptions.entity.SubscriptionType;
import org.optline.subscriptions.entity.Wording;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/** Creates subscription types, changes their texts and moves them from draft to live to archived. */
@ApplicationScoped
@Transactional
public class SubscriptionTypes {

    private static final Logger LOG = Logger.getLogger(SubscriptionTypes.class.getName());

    @PersistenceContext(unitName = "subscriptions")
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final TypeCache cache = new TypeCache(this::list, System::nanoTime);

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SubscriptionTypeView> list() {
        return em.createNamedQuery(SubscriptionType.ALL, SubscriptionType.class).getResultList().stream()
                .map(SubscriptionTypes::view)
                .toList();
    }

    /**
     * Returns every type like {@link #list()}, from a copy read at most {@link TypeCache#MAX_AGE} ago, for
     * paths that need all types on every request. Changes made on this instance show at once, and those of
     * other instances within that time. A type in {@code required} that the copy lacks makes it read again.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SubscriptionTypeView> recent(Collection<Long> required) {
        return cache.all(required);
    }

    /** Returns the live types of one message type, the only ones customers, forms and sends see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SubscriptionTypeView> live(MessageType messageType) {
        return em.createNamedQuery(SubscriptionType.BY_STATE_AND_MESSAGE_TYPE, SubscriptionType.class)
                .setParameter("state", State.LIVE)
                .setParameter("messageType", messageType)
                .getResultList().stream()
                .map(SubscriptionTypes::view)
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SubscriptionTypeView> find(long id) {
        // One SQL query on the transaction's connection, which sees this class's changes because they are flushed.
        try (Connection connection = dataSource.getConnection()) {
            return TypeRows.find(connection, id);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading subscription type " + id + " failed", e);
        }
    }

    public SubscriptionTypeView create(NewSubscriptionType request, String actor) {
        requireDistinctName(defaultName(request.defaultLocale(), request.translations()), request.messageType(), null);
        SubscriptionType type = SubscriptionType.draft(request.messageType(), request.consentType(),
                request.defaultLocale(), request.translations(), clock.instant());
        type.setDoubleOptIn(request.doubleOptIn(), clock.instant());
        em.persist(type);
        em.flush();
        dropCacheAfterCommit();
        LOG.info(() -> "Subscription type " + type.id() + " created as " + type.messageType() + " "
                + type.consentType() + (type.doubleOptIn() ? " double opt-in" : "") + " draft by " + actor);
        return view(type);
    }

    public SubscriptionTypeView reword(long id, Rewording request, String actor) {
        SubscriptionType type = require(id, request.expectedVersion());
        type.requireSameKind(request.messageType(), request.consentType());
        requireDistinctName(defaultName(request.defaultLocale(), request.translations()), type.messageType(), id);
        boolean reworded = type.reword(request.defaultLocale(), request.translations(), clock.instant());
        boolean switched = request.doubleOptIn() != null && type.setDoubleOptIn(request.doubleOptIn(), clock.instant());
        if (reworded || switched) {
            flush(id);
        }
        if (reworded) {
            LOG.info(() -> "Subscription type " + id + " texts changed by " + actor + ", now version " + type.version());
        }
        if (switched) {
            LOG.info(() -> "Subscription type " + id + " double opt-in turned " + (type.doubleOptIn() ? "on" : "off")
                    + " by " + actor + ", now version " + type.version());
        }
        return view(type);
    }

    public SubscriptionTypeView putLive(long id, Long expectedVersion, String actor) {
        SubscriptionType type = require(id, expectedVersion);
        State before = type.state();
        type.putLive(clock.instant());
        flush(id);
        if (before != type.state()) {
            LOG.info(() -> "Subscription type " + id + " put live by " + actor);
        }
        return view(type);
    }

    public SubscriptionTypeView archive(long id, Long expectedVersion, String actor) {
        SubscriptionType type = require(id, expectedVersion);
        State before = type.state();
        type.archive(clock.instant());
        flush(id);
        if (before != type.state()) {
            LOG.info(() -> "Subscription type " + id + " archived from " + before + " by " + actor);
        }
        return view(type);
    }

    /**
     * Rejects a default name that another draft or live type of the same message type has, ignoring case.
     * Archived types keep their names, so a retired name can be used again. NOTE: two requests at the
     * same moment can both pass; this guards against confusion, not against a race.
     */
    private void requireDistinctName(String name, MessageType messageType, Long self) {
        if (name == null) {
            return;
        }
        for (SubscriptionType other : em.createNamedQuery(SubscriptionType.ALL, SubscriptionType.class).getResultList()) {
            if (other.state() == State.ARCHIVED || other.messageType() != messageType || other.id().equals(self)) {
                continue;
            }
            Wording wording = other.translations().get(other.defaultLocale().value());
            if (wording != null && wording.name().equalsIgnoreCase(name)) {
                throw new DuplicateTypeNameException(name, messageType, other.id());
            }
        }
    }

    private static String defaultName(LocaleCode defaultLocale, List<Translation> texts) {
        return texts.stream().filter(text -> text.locale().equals(defaultLocale)).map(Translation::name).findFirst().orElse(null);
    }

    /** Loads a type for a change and checks the version the caller based its change on. */
    private SubscriptionType require(long id, Long expectedVersion) {
        dropCacheAfterCommit();
        SubscriptionType type = em.find(SubscriptionType.class, id);
        if (type == null) {
            throw new SubscriptionTypeNotFoundException(String.valueOf(id));
        }
        if (expectedVersion != null && expectedVersion != type.version()) {
            throw new StaleVersionException(id, expectedVersion, type.version());
        }
        return type;
    }

    /** Drops the cached types when the current transaction ends, so this instance's next read sees the change. */
    private void dropCacheAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                cache.invalidate();
            }
        });
    }

    /** Writes now, so that a concurrent change surfaces here as a conflict instead of at commit. */
    private void flush(long id) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new StaleVersionException(id);
        }
    }

    static SubscriptionTypeView view(SubscriptionType type) {
        List<Translation> texts = new ArrayList<>();
        for (Map.Entry<String, Wording> entry : type.translations().entrySet()) {
            texts.add(new Translation(new LocaleCode(entry.getKey()), entry.getValue().name(), entry.getValue().description()));
        }
        return new SubscriptionTypeView(type.id(), type.messageType(), type.consentType(), type.state(),
                type.defaultLocale(), TypeRows.inShowingOrder(texts, type.defaultLocale()), type.version(),
                type.createdAt(), type.updatedAt(), type.doubleOptIn());
    }
}
