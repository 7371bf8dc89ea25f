package org.optline.helpdesk.control.messenger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;

/**
 * Reads and changes the single row of messenger settings. The first read on a new database creates the
 * row with random keys; {@code INSERT IGNORE} makes instances that start together agree on one row.
 * Reads are cached for {@link #CACHE_FOR}, so a change made on one instance reaches the others within that time.
 */
@ApplicationScoped
public class MessengerSettingsStore {

    private static final Logger LOG = Logger.getLogger(MessengerSettingsStore.class.getName());
    static final Duration CACHE_FOR = Duration.ofSeconds(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    Clock clock;

    private volatile Cached cached;

    private record Cached(MessengerSettings settings, Instant readAt) {
    }

    /** Returns the current settings, at most {@link #CACHE_FOR} old. */
    public MessengerSettings current() {
        Cached snapshot = cached;
        Instant now = clock.instant();
        if (snapshot != null && snapshot.readAt().plus(CACHE_FOR).isAfter(now)) {
            return snapshot.settings();
        }
        MessengerSettings settings = readOrCreate();
        cached = new Cached(settings, now);
        return settings;
    }

    /** Replaces the allow-list with the normalized {@code origins}. */
    public MessengerSettings changeAllowedOrigins(List<String> origins, String actor) {
        update("UPDATE messenger_settings SET allowed_origins = ?, updated_at = ?, version = version + 1 WHERE id = 1",
                String.join("\n", origins));
        MessengerSettings settings = refresh();
        LOG.info(() -> "Messenger allowed origins changed by " + actor + " to " + settings.allowedOrigins()
                + ", now version " + settings.version());
        return settings;
    }

    /** Replaces the identity secret with a new random one; hashes made with the old secret stop working. */
    public MessengerSettings rotateIdentitySecret(String actor) {
        update("UPDATE messenger_settings SET identity_secret = ?, updated_at = ?, version = version + 1 WHERE id = 1",
                randomHex(32));
        MessengerSettings settings = refresh();
        LOG.info(() -> "Messenger identity secret rotated by " + actor + ", now version " + settings.version());
        return settings;
    }

    private MessengerSettings refresh() {
        MessengerSettings settings = readOrCreate();
        cached = new Cached(settings, clock.instant());
        return settings;
    }

    private void update(String sql, String value) {
        readOrCreate();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, value);
            statement.setTimestamp(2, Timestamp.from(clock.instant()));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Changing the messenger settings failed", e);
        }
    }

    private MessengerSettings readOrCreate() {
        try (Connection connection = dataSource.getConnection()) {
            MessengerSettings settings = read(connection);
            if (settings != null) {
                return settings;
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT IGNORE INTO messenger_settings "
                    + "(id, allowed_origins, identity_secret, signing_key, updated_at) VALUES (1, '', ?, ?, ?)")) {
                insert.setString(1, randomHex(32));
                byte[] key = new byte[32];
                RANDOM.nextBytes(key);
                insert.setString(2, Base64.getEncoder().encodeToString(key));
                insert.setTimestamp(3, Timestamp.from(clock.instant()));
                if (insert.executeUpdate() == 1) {
                    LOG.info("Messenger settings created with a new signing key and identity secret");
                }
            }
            return read(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the messenger settings failed", e);
        }
    }

    private static MessengerSettings read(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT allowed_origins, identity_secret, "
                + "signing_key, updated_at, version FROM messenger_settings WHERE id = 1");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return null;
            }
            List<String> origins = Arrays.stream(row.getString(1).split("\n")).filter(origin -> !origin.isBlank()).toList();
            return new MessengerSettings(origins, row.getString(2), row.getString(3), row.getTimestamp(4).toInstant(),
                    row.getLong(5));
        }
    }

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
