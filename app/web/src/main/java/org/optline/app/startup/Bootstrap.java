package org.optline.app.startup;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.optline.access.api.Accounts;
import org.optline.access.api.ApiTokens;
import org.optline.platform.DomainException;
import org.optline.platform.StartupCompleted;

import javax.sql.DataSource;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Prepares the database when the application starts: applies the migrations, then creates the first
 * admin and the automation token from the bootstrap variables when they are set, then fires
 * {@link StartupCompleted} for the modules' background work.
 */
@ApplicationScoped
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Accounts accounts;

    @Inject
    ApiTokens tokens;

    @Inject
    StartupState state;

    @Inject
    Event<StartupCompleted> startupCompleted;

    @Inject
    @ConfigProperty(name = "optline.bootstrap.admin-email")
    Optional<String> adminEmail;

    @Inject
    @ConfigProperty(name = "optline.bootstrap.admin-password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "optline.bootstrap.api-token")
    Optional<String> apiToken;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        LOG.info("Optline starting");
        Migrations.apply(dataSource);
        createFirstAdmin();
        registerBootstrapToken();
        state.markComplete();
        startupCompleted.fire(new StartupCompleted());
        LOG.info("Optline started");
    }

    void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        LOG.info("Optline stopping");
    }

    private void createFirstAdmin() {
        Optional<String> email = adminEmail.filter(s -> !s.isBlank());
        Optional<String> password = adminPassword.filter(s -> !s.isEmpty());
        if (email.isPresent() && password.isPresent()) {
            try {
                accounts.bootstrapAdmin(email.get(), password.get())
                        .ifPresent(admin -> LOG.info(() -> "First admin created: account " + admin.id()));
            } catch (DomainException e) {
                LOG.log(Level.SEVERE, "The bootstrap admin was not created: {0}", e.getMessage());
            }
        } else if (email.isPresent() || password.isPresent()) {
            LOG.severe("Only one of OPTLINE_BOOTSTRAP_ADMIN_EMAIL and OPTLINE_BOOTSTRAP_ADMIN_PASSWORD is set. "
                    + "Set both to create the first admin.");
        }
        if (accounts.activeAdminCount() == 0) {
            LOG.warning("No admin account exists. Set OPTLINE_BOOTSTRAP_ADMIN_EMAIL and "
                    + "OPTLINE_BOOTSTRAP_ADMIN_PASSWORD (at least 12 characters) and restart Optline to create one.");
        }
    }

    private void registerBootstrapToken() {
        Optional<String> value = apiToken.filter(s -> !s.isEmpty());
        if (value.isEmpty()) {
            return;
        }
        try {
            if (tokens.register("Bootstrap token", value.get(), "bootstrap")) {
                LOG.info("Registered OPTLINE_BOOTSTRAP_API_TOKEN as an API token");
            } else {
                LOG.info("OPTLINE_BOOTSTRAP_API_TOKEN was registered before and is kept as it is, revoked or not");
            }
        } catch (DomainException e) {
            LOG.log(Level.SEVERE, "OPTLINE_BOOTSTRAP_API_TOKEN was not registered: {0}", e.getMessage());
        }
    }
}
