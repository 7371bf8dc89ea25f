package org.optline.messaging.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.logging.Logger;

/**
 * The opt-out sentence that ends every SMS, before the preference link. It is looked up for the
 * recipient's locale, then its bare language, in this order: the subscription type's own text, the
 * workspace's text, the built-in translation ({@code MessagingTexts} bundles: en, fr, de, es).
 */
@ApplicationScoped
public class OptOutTexts {

    private static final Logger LOG = Logger.getLogger(OptOutTexts.class.getName());

    /** The subscription type id under which the workspace's own texts are stored. */
    public static final long WORKSPACE = 0;

    public static final int MAX_LENGTH = 160;

    private static final String BUNDLE = "org.optline.messaging.boundary.MessagingTexts";

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    public String textFor(long typeId, String locale) {
        Locale wanted = locale == null || locale.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(locale);
        List<String> tags = wanted.getCountry().isEmpty() ? List.of(wanted.toLanguageTag())
                : List.of(wanted.toLanguageTag(), wanted.getLanguage());
        try (Connection connection = dataSource.getConnection()) {
            for (long scope : List.of(typeId, WORKSPACE)) {
                for (String tag : tags) {
                    Optional<String> stored = stored(connection, scope, tag);
                    if (stored.isPresent()) {
                        return stored.get();
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the opt-out texts failed: " + e.getMessage(), e);
        }
        return builtIn(wanted);
    }

    /** Returns the built-in opt-out sentence in {@code locale}, English where there is no translation. */
    public static String builtIn(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, OptOutTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString("sms.opt_out");
    }

    /** Stores the opt-out sentence of a type, or of the workspace with {@link #WORKSPACE}, for one locale. */
    public void save(long typeId, String locale, String text, String actor, Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("INSERT INTO sms_opt_out_text (subscription_type_id, "
                     + "locale, text, updated_by, updated_at) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
                     + "text = VALUES(text), updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)")) {
            upsert.setLong(1, typeId);
            upsert.setString(2, locale);
            upsert.setString(3, text);
            upsert.setString(4, actor);
            upsert.setTimestamp(5, Timestamp.from(now));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Saving the opt-out text failed: " + e.getMessage(), e);
        }
        LOG.info(() -> "Opt-out text of " + (typeId == WORKSPACE ? "the workspace" : "subscription type " + typeId)
                + " for locale " + locale + " changed by " + actor);
    }

    private static Optional<String> stored(Connection connection, long scope, String tag) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT text FROM sms_opt_out_text WHERE subscription_type_id = ? AND locale = ?")) {
            select.setLong(1, scope);
            select.setString(2, tag);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }
}
