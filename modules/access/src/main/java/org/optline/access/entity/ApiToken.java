package org.optline.access.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** An API access token, known to Optline only by the SHA-256 hash of its value. */
@Entity
@Table(name = "api_token")
@NamedQuery(name = ApiToken.BY_HASH, query = "SELECT t FROM ApiToken t WHERE t.tokenHash = :hash")
@NamedQuery(name = ApiToken.ALL, query = "SELECT t FROM ApiToken t ORDER BY t.createdAt DESC, t.id DESC")
public class ApiToken {

    public static final String BY_HASH = "ApiToken.byHash";
    public static final String ALL = "ApiToken.all";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "token_hash", nullable = false, length = 64, updatable = false)
    private String tokenHash;

    @Column(name = "token_hint", nullable = false, length = 8, updatable = false)
    private String tokenHint;

    @Column(name = "created_by", nullable = false, length = 254, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ApiToken() {
    }

    public ApiToken(String name, String tokenHash, String tokenHint, String createdBy, Instant now) {
        this.name = name;
        this.tokenHash = tokenHash;
        this.tokenHint = tokenHint;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String tokenHint() {
        return tokenHint;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
