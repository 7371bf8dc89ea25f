package org.optline.access.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.optline.access.control.TokenCodec;
import org.optline.access.control.TokenUsage;
import org.optline.access.entity.ApiToken;
import org.optline.platform.InvalidInputException;
import org.optline.platform.ResourceNotFoundException;
import org.optline.platform.Texts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Issues, checks and revokes the access tokens of the public API. */
@ApplicationScoped
@Transactional
public class ApiTokens {

    private static final Logger LOG = Logger.getLogger(ApiTokens.class.getName());

    /** The shortest value accepted for a token that an operator chooses, such as the bootstrap token. */
    public static final int MIN_CHOSEN_LENGTH = 32;

    /**
     * How long one instance trusts a checked token without asking the database again. A token revoked
     * on another instance keeps working here for at most this long.
     */
    static final Duration CACHE_TTL = Duration.ofSeconds(10);

    @PersistenceContext(unitName = "access")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    TokenUsage usage;

    private final Map<String, CachedCaller> recentlyChecked = new ConcurrentHashMap<>();

    /** A checked token; {@code refreshing} is set while one request checks the expired entry again. */
    private record CachedCaller(ApiCaller caller, Instant expiresAt, AtomicBoolean refreshing) {
    }

    /**
     * Returns the caller that {@code value} identifies, or empty for an unknown or revoked token. A token
     * checked within {@link #CACHE_TTL} is answered from memory without a transaction, because every API
     * request passes here.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ApiCaller> authenticate(String value) {
        if (value == null || value.isBlank() || value.length() > 512) {
            return Optional.empty();
        }
        String hash = TokenCodec.hash(value);
        Instant now = clock.instant();
        CachedCaller cached = recentlyChecked.get(hash);
        if (cached != null && cached.expiresAt().isAfter(now)) {
            return Optional.of(cached.caller());
        }
        // One request checks an expired entry again while the others keep using it, so that a busy
        // instance sends one read and one update instead of one per request in flight.
        if (cached != null && !cached.refreshing().compareAndSet(false, true)) {
            return Optional.of(cached.caller());
        }
        try {
            Optional<ApiToken> token = byHash(hash).filter(t -> !t.isRevoked());
            if (token.isEmpty()) {
                recentlyChecked.remove(hash);
                return Optional.empty();
            }
            ApiCaller caller = new ApiCaller(token.get().id(), token.get().name());
            recentlyChecked.put(hash, new CachedCaller(caller, now.plus(CACHE_TTL), new AtomicBoolean()));
            markUsed(caller, now);
            return Optional.of(caller);
        } finally {
            if (cached != null) {
                cached.refreshing().set(false);
            }
        }
    }

    /**
     * Records the token's use. A failure is logged and the request goes on, because the time is only
     * shown to admins. Instances on different Galera nodes that record the same token at the same moment
     * conflict, and the node then rejects one of the commits.
     */
    private void markUsed(ApiCaller caller, Instant now) {
        try {
            usage.markUsed(caller.tokenId(), now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "Recording the use of API token " + caller.tokenId() + " failed; the "
                    + "request goes on and the next check records it");
        }
    }

    /** Creates a token; the returned value is the only copy of it. */
    public IssuedToken issue(String name, String actor) {
        String label = Texts.required("name", name, 100);
        String value = TokenCodec.newValue();
        ApiToken token = new ApiToken(label, TokenCodec.hash(value), TokenCodec.hint(value), actor, clock.instant());
        em.persist(token);
        em.flush();
        LOG.info(() -> "API token " + token.id() + " issued by " + actor);
        return new IssuedToken(view(token), value);
    }

    /**
     * Registers a value chosen by the operator, such as {@code OPTLINE_BOOTSTRAP_API_TOKEN}, unless a
     * token with that value was registered before, even if it was revoked since.
     *
     * @return true when the token was registered now
     */
    public boolean register(String name, String value, String actor) {
        if (value == null || value.strip().length() < MIN_CHOSEN_LENGTH || !value.equals(value.strip())) {
            throw new InvalidInputException("OPTLINE_BOOTSTRAP_API_TOKEN", "The API token must be at least "
                    + MIN_CHOSEN_LENGTH + " characters without surrounding spaces. Generate one with: openssl rand -hex 32");
        }
        String hash = TokenCodec.hash(value);
        if (byHash(hash).isPresent()) {
            return false;
        }
        ApiToken token = new ApiToken(name, hash, TokenCodec.hint(value), actor, clock.instant());
        em.persist(token);
        em.flush();
        LOG.info(() -> "API token " + token.id() + " registered by " + actor);
        return true;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TokenView> list() {
        return em.createNamedQuery(ApiToken.ALL, ApiToken.class).getResultList().stream().map(ApiTokens::view).toList();
    }

    /** Revokes a token at once on this instance and within {@link #CACHE_TTL} on the others. */
    public TokenView revoke(long id, String actor) {
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null) {
            throw new ResourceNotFoundException("API token " + id + " was not found.");
        }
        token.revoke(clock.instant());
        recentlyChecked.values().removeIf(cached -> cached.caller().tokenId() == id);
        LOG.info(() -> "API token " + id + " revoked by " + actor);
        return view(token);
    }

    private Optional<ApiToken> byHash(String hash) {
        return em.createNamedQuery(ApiToken.BY_HASH, ApiToken.class)
                .setParameter("hash", hash)
                .getResultStream()
                .findFirst();
    }

    private static TokenView view(ApiToken token) {
        return new TokenView(token.id(), token.name(), token.tokenHint(), token.createdBy(), token.createdAt(),
                token.lastUsedAt(), token.revokedAt());
    }
}
