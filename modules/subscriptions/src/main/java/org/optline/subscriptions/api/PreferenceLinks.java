package org.optline.subscriptions.api;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.optline.subscriptions.control.PreferenceLinkRows;
import org.optline.subscriptions.control.PreferenceLinkTokens;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Personal links to the SMS preference center, one contact each, for the end of every text message.
 *
 * <p>Each call creates a new link with its own random token; only the token's hash is stored, so a
 * link cannot be shown again later. A link stays valid for {@code optline.preference-links.valid-days}
 * days (default 90, at least 60). A background job deletes it some days after it expired
 * ({@code optline.preference-links.delete-after-days}, default 30).
 */
@ApplicationScoped
public class PreferenceLinks {

    /** The shortest validity allowed, so that a link in a text message works for at least two months. */
    public static final int MIN_VALID_DAYS = 60;

    /** Characters of a link's token, the part after {@code /p/}: 128 random bits in URL-safe Base64 without padding. */
    public static final int TOKEN_LENGTH = 22;

    private static final Logger LOG = Logger.getLogger(PreferenceLinks.class.getName());

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "optline.preference-links.valid-days", defaultValue = "90")
    int validDays;

    /**
     * Creates a link for a contact and returns its path, such as {@code /p/Xb3k9QmT2aZr8LwE4nYp0w}. The
     * contact must exist; a deleted contact's link opens the same "invalid link" page as a wrong token.
     */
    public String pathFor(long contactId) {
        return pathsFor(List.of(contactId)).get(contactId);
    }

    /**
     * Creates one link per contact in one batch, for a send to many recipients, and returns the paths by
     * contact id.
     */
    public Map<Long, String> pathsFor(Collection<Long> contactIds) {
        Map<Long, String> tokens = new LinkedHashMap<>();
        for (long contactId : contactIds) {
            tokens.put(contactId, PreferenceLinkTokens.generate());
        }
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            new PreferenceLinkRows(connection).insert(tokens, now, now.plus(validity()));
        } catch (SQLException e) {
            throw new IllegalStateException("Storing " + tokens.size() + " preference center links failed: "
                    + e.getMessage(), e);
        }
        LOG.fine(() -> "Created " + tokens.size() + " preference center links");
        Map<Long, String> paths = new LinkedHashMap<>();
        tokens.forEach((contactId, token) -> paths.put(contactId, "/p/" + token));
        return paths;
    }

    /**
     * Returns the contact whose unexpired link has this token, or empty for a wrong, altered or expired
     * token or a deleted contact, which callers must not tell apart.
     */
    public Optional<Long> contactOf(String token) {
        try (Connection connection = dataSource.getConnection()) {
            return new PreferenceLinkRows(connection).contactOf(token, clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("Looking up a preference center link failed: " + e.getMessage(), e);
        }
    }

    private Duration validity() {
        if (validDays < MIN_VALID_DAYS) {
            throw new IllegalStateException("optline.preference-links.valid-days is " + validDays + ", but links "
                    + "must stay valid for at least " + MIN_VALID_DAYS + " days. Set it to " + MIN_VALID_DAYS
                    + " or more.");
        }
        return Duration.ofDays(validDays);
    }
}
