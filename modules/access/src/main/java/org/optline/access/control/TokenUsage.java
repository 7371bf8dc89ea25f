package org.optline.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * Records when an API token was last used, in its own short transaction, so that checking a token
 * that is already trusted needs no transaction at all.
 */
@ApplicationScoped
public class TokenUsage {

    @PersistenceContext(unitName = "access")
    EntityManager em;

    @Transactional
    public void markUsed(long tokenId, Instant now) {
        em.createQuery("UPDATE ApiToken t SET t.lastUsedAt = :now WHERE t.id = :id")
                .setParameter("now", now)
                .setParameter("id", tokenId)
                .executeUpdate();
    }
}
