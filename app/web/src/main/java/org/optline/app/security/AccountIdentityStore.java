package org.optline.app.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.optline.access.api.Accounts;
import org.optline.access.api.SignInResult;

import java.util.Set;
import java.util.logging.Logger;

/** Checks admin and agent passwords against the accounts module; the role becomes the only group. */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(AccountIdentityStore.class.getName());

    @Inject
    Accounts accounts;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        SignInResult result = accounts.signIn(credential.getCaller(), credential.getPasswordAsString());
        return switch (result) {
            case SignInResult.Accepted accepted -> {
                LOG.info(() -> "Account " + accepted.account().id() + " signed in");
                yield new CredentialValidationResult(accepted.account().email(),
                        Set.of(accepted.account().role().name()));
            }
            case SignInResult.Rejected rejected -> {
                // The typed email is not logged: people type passwords into the email field.
                LOG.info(() -> "Sign-in rejected: " + rejected.reason()
                        + (rejected.accountId() == null ? "" : " for account " + rejected.accountId()));
                yield CredentialValidationResult.INVALID_RESULT;
            }
        };
    }
}
