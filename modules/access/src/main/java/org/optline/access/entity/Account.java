package org.optline.access.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.optline.access.api.Role;

import java.time.Duration;
import java.time.Instant;

/** An admin or agent who signs in with an email and a password. */
@Entity
@Table(name = "app_user")
@NamedQuery(name = Account.BY_EMAIL, query = "SELECT a FROM Account a WHERE a.email = :email")
@NamedQuery(name = Account.ALL, query = "SELECT a FROM Account a ORDER BY a.email")
@NamedQuery(name = Account.COUNT_ACTIVE_ADMINS,
        query = "SELECT COUNT(a) FROM Account a WHERE a.role = org.optline.access.api.Role.ADMIN AND a.disabled = FALSE")
@NamedQuery(name = Account.ACTIVE_ADMINS,
        query = "SELECT a FROM Account a WHERE a.role = org.optline.access.api.Role.ADMIN AND a.disabled = FALSE ORDER BY a.id")
public class Account {

    public static final String BY_EMAIL = "Account.byEmail";
    public static final String ALL = "Account.all";
    public static final String COUNT_ACTIVE_ADMINS = "Account.countActiveAdmins";
    public static final String ACTIVE_ADMINS = "Account.activeAdmins";

    /** Failed sign-ins in a row after which the account is locked. */
    public static final int MAX_FAILED_LOGINS = 5;

    /** How long a locked account stays locked. */
    public static final Duration LOCKOUT = Duration.ofMinutes(15);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "email", nullable = false, length = 254)
    private String email;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 16)
    private Role role;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "disabled", nullable = false)
    private boolean disabled;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Account() {
    }

    public Account(String email, String displayName, Role role, String passwordHash, Instant now) {
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public boolean isActiveAdmin() {
        return role == Role.ADMIN && !disabled;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts a failed sign-in and locks the account when the limit is reached. */
    public void recordFailedLogin(Instant now) {
        failedLogins++;
        if (failedLogins >= MAX_FAILED_LOGINS) {
            lockedUntil = now.plus(LOCKOUT);
            failedLogins = 0;
        }
        updatedAt = now;
    }

    public void recordSuccessfulLogin(Instant now) {
        if (failedLogins != 0 || lockedUntil != null) {
            failedLogins = 0;
            lockedUntil = null;
            updatedAt = now;
        }
    }

    public void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
        this.updatedAt = now;
    }

    public void changeRole(Role newRole, Instant now) {
        this.role = newRole;
        this.updatedAt = now;
    }

    public void disable(Instant now) {
        this.disabled = true;
        this.updatedAt = now;
    }

    public void enable(Instant now) {
        this.disabled = false;
        this.failedLogins = 0;
        this.lockedUntil = null;
        this.updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    public boolean disabled() {
        return disabled;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
