package org.optline.access.api;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import org.optline.access.control.EmailAddresses;
import org.optline.access.control.PasswordPolicy;
import org.optline.access.entity.Account;
import org.optline.platform.ConflictException;
import org.optline.platform.InvalidInputException;
import org.optline.platform.ResourceNotFoundException;
import org.optline.platform.Texts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/** Creates admin and agent accounts, checks their passwords and keeps their sign-in lockout. */
@ApplicationScoped
@Transactional
public class Accounts {

    private static final Logger LOG = Logger.getLogger(Accounts.class.getName());

    /**
     * PBKDF2 with HMAC-SHA512 at 210,000 iterations, the work factor OWASP's Password Storage Cheat
     * Sheet recommends for this algorithm. Stored hashes carry their own parameters, so raising it
     * later keeps old hashes valid.
     */
    private static final Map<String, String> HASH_PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64");

    @PersistenceContext(unitName = "access")
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    Clock clock;

    /** A hash of a random password, checked against when the email is unknown so both cases take as long. */
    private String decoyHash;

    @PostConstruct
    void initialize() {
        passwordHash.initialize(HASH_PARAMETERS);
        decoyHash = passwordHash.generate(java.util.UUID.randomUUID().toString().toCharArray());
    }

    /** Checks a password and updates the lockout counter of the account it belongs to. */
    public SignInResult signIn(String email, String password) {
        Instant now = clock.instant();
        String normalized = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        char[] typed = password == null ? new char[0] : password.toCharArray();
        Optional<Account> found = byEmail(normalized);
        if (found.isEmpty()) {
            passwordHash.verify(typed, decoyHash);
            return new SignInResult.Rejected(SignInResult.Reason.UNKNOWN_EMAIL, null);
        }
        Account account = found.get();
        if (account.isLockedAt(now)) {
            passwordHash.verify(typed, decoyHash);
            return new SignInResult.Rejected(SignInResult.Reason.LOCKED, account.id());
        }
        if (!passwordHash.verify(typed, account.passwordHash())) {
            account.recordFailedLogin(now);
            if (account.isLockedAt(now)) {
                LOG.warning(() -> "Account " + account.id() + " locked until " + account.lockedUntil()
                        + " after " + Account.MAX_FAILED_LOGINS + " failed sign-ins");
            }
            return new SignInResult.Rejected(SignInResult.Reason.WRONG_PASSWORD, account.id());
        }
        if (account.disabled()) {
            return new SignInResult.Rejected(SignInResult.Reason.DISABLED, account.id());
        }
        account.recordSuccessfulLogin(now);
        return new SignInResult.Accepted(view(account));
    }

    /** Creates an account. Only admins call this, through the accounts page. */
    public AccountView create(String email, String displayName, Role role, String password, String actor) {
        String normalized = EmailAddresses.normalize("email", email);
        String name = Texts.required("name", displayName, 100);
        PasswordPolicy.check("password", password, normalized);
        if (byEmail(normalized).isPresent()) {
            throw new ConflictException("email", "An account with email " + normalized
                    + " already exists. Use another email, or enable or change the role of that account.");
        }
        Account account = new Account(normalized, name, role, passwordHash.generate(password.toCharArray()), clock.instant());
        em.persist(account);
        em.flush();
        LOG.info(() -> "Account " + account.id() + " created with role " + role + " by " + actor);
        return view(account);
    }

    /**
     * Creates the first admin from start-up configuration, unless an active admin exists already.
     *
     * @return the new account, or empty when an admin exists
     */
    public Optional<AccountView> bootstrapAdmin(String email, String password) {
        if (activeAdminCount() > 0) {
            return Optional.empty();
        }
        String normalized = EmailAddresses.normalize("OPTLINE_BOOTSTRAP_ADMIN_EMAIL", email);
        Optional<Account> existing = byEmail(normalized);
        if (existing.isPresent()) {
            throw new ConflictException("OPTLINE_BOOTSTRAP_ADMIN_EMAIL", "An account with email " + normalized
                    + " exists but is no active admin. Use another email for the bootstrap admin.");
        }
        return Optional.of(create(normalized, "Administrator", Role.ADMIN, password, "bootstrap"));
    }

    public long activeAdminCount() {
        return em.createNamedQuery(Account.COUNT_ACTIVE_ADMINS, Long.class).getSingleResult();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AccountView> list() {
        return em.createNamedQuery(Account.ALL, Account.class).getResultList().stream().map(Accounts::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AccountView> find(String email) {
        if (email == null) {
            return Optional.empty();
        }
        return byEmail(email.strip().toLowerCase(java.util.Locale.ROOT)).map(Accounts::view);
    }

    /**
     * Disables an account so it can no longer sign in. Admins cannot disable their own account, and
     * the last active admin cannot be disabled.
     */
    public AccountView disable(long id, String actor) {
        Account account = require(id);
        if (account.email().equals(actor)) {
            throw new InvalidInputException("id", "You cannot disable your own account. Ask another admin.");
        }
        requireAnotherActiveAdmin(account);
        account.disable(clock.instant());
        LOG.info(() -> "Account " + id + " disabled by " + actor);
        return view(account);
    }

    /** Enables a disabled account and clears its lockout. */
    public AccountView enable(long id, String actor) {
        Account account = require(id);
        account.enable(clock.instant());
        LOG.info(() -> "Account " + id + " enabled by " + actor);
        return view(account);
    }

    /**
     * Gives another account a new role. Admins cannot change their own role, and the last active
     * admin cannot become an agent. Setting the role an account already has changes nothing.
     */
    public AccountView changeRole(long id, Role role, String actor) {
        Account account = require(id);
        if (account.email().equals(actor)) {
            throw new InvalidInputException("role", "You cannot change your own role. Ask another admin.");
        }
        Role previous = account.role();
        if (previous == role) {
            return view(account);
        }
        if (role != Role.ADMIN) {
            requireAnotherActiveAdmin(account);
        }
        account.changeRole(role, clock.instant());
        LOG.info(() -> "Account " + id + " changed from role " + previous + " to " + role + " by " + actor);
        return view(account);
    }

    /**
     * Changes the password of the signed-in account after checking its current password. A wrong
     * current password counts towards the sign-in lockout, so an open session cannot be used to guess
     * the password; the counter is kept although the change is rejected. The account's other
     * sessions end, because they signed in before {@link AccountView#passwordChangedAt()}.
     */
    @Transactional(dontRollbackOn = WrongCurrentPasswordException.class)
    public void changePassword(String email, String currentPassword, String newPassword) {
        Account account = byEmail(email).orElseThrow(() -> new ResourceNotFoundException("Account " + email + " was not found."));
        Instant now = clock.instant();
        if (account.isLockedAt(now)) {
            throw new ConflictException("current_password", "Too many wrong passwords: the account is locked until "
                    + account.lockedUntil() + " UTC. Try again then, or ask an admin to unlock it.");
        }
        char[] current = currentPassword == null ? new char[0] : currentPassword.toCharArray();
        if (!passwordHash.verify(current, account.passwordHash())) {
            account.recordFailedLogin(now);
            throw new WrongCurrentPasswordException();
        }
        PasswordPolicy.check("new_password", newPassword, account.email());
        account.recordSuccessfulLogin(now);
        account.changePassword(passwordHash.generate(newPassword.toCharArray()), now);
        LOG.info(() -> "Account " + account.id() + " changed its password");
    }

    /**
     * Rejects a change that would take {@code account} out of the active admins when no other active
     * admin exists. The rows of the active admins stay locked until the transaction ends, so two
     * admins who disable or demote each other at the same moment cannot both succeed.
     */
    private void requireAnotherActiveAdmin(Account account) {
        if (!account.isActiveAdmin()) {
            return;
        }
        boolean anotherAdmin = em.createNamedQuery(Account.ACTIVE_ADMINS, Account.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .anyMatch(admin -> !admin.id().equals(account.id()));
        if (!anotherAdmin) {
            throw new ConflictException("Account " + account.email()
                    + " is the last active admin. Make another account admin first.");
        }
    }

    private Account require(long id) {
        Account account = em.find(Account.class, id);
        if (account == null) {
            throw new ResourceNotFoundException("Account " + id + " was not found.");
        }
        return account;
    }

    private Optional<Account> byEmail(String email) {
        return em.createNamedQuery(Account.BY_EMAIL, Account.class)
                .setParameter("email", email)
                .getResultStream()
                .findFirst();
    }

    private static AccountView view(Account account) {
        return new AccountView(account.id(), account.email(), account.displayName(), account.role(),
                account.disabled(), account.lockedUntil(), account.createdAt(), account.passwordChangedAt());
    }
}
