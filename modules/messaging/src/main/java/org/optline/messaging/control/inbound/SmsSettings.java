package org.optline.messaging.control.inbound;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.optline.platform.ConflictException;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;
import org.optline.platform.StoredEnums;
import org.optline.platform.Texts;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.logging.Logger;

/** The workspace's SMS program as the answers to keywords name it: the single row of {@code sms_settings}. */
@ApplicationScoped
public class SmsSettings {

    private static final Logger LOG = Logger.getLogger(SmsSettings.class.getName());

    /** Who wrote the row that the migration inserted; until an admin saves, the business name comes from config. */
    static final String SEEDED_BY = "optline";

    /** What a STOP opts out of. */
    public enum StopScope {
        /** Every live SMS subscription type of every contact with the number: the default. */
        ALL_SMS,
        /** Only the type of the latest campaign message sent to the number: a deliberate, narrower choice. */
        LAST_SENT_TYPE
    }

    /** The settings as stored, with the business name already taken from config for the seeded row. */
    public record Settings(String businessName, String supportContact, String messageFrequency, StopScope stopScope,
                           String updatedBy, long version) {
    }

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "optline.business.name", defaultValue = "Optline")
    String configuredBusinessName;

    public Settings read() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT business_name, support_contact, "
                     + "message_frequency, stop_scope, updated_by, version FROM sms_settings WHERE id = 1");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("sms_settings has no row 1; the database migration V14 inserts it");
            }
            String updatedBy = row.getString(5);
            String business = SEEDED_BY.equals(updatedBy) ? configuredBusinessName : row.getString(1);
            return new Settings(business, row.getString(2), row.getString(3),
                    StoredEnums.require(StopScope.class, row.getString(4), "sms_settings.stop_scope"), updatedBy, row.getLong(6));
        } catch (SQLException e) {
            throw new IllegalStateException("Reading SMS settings failed: " + e.getMessage(), e);
        }
    }

    /**
     * Saves the settings an admin edited.
     *
     * @throws InvalidInputException for an empty or too long field or a missing or unknown scope
     * @throws ConflictException     when another admin saved since {@code expectedVersion} was read
     */
    public Settings save(String businessName, String supportContact, String messageFrequency, String scope,
                         long expectedVersion, String actor) {
        String business = Texts.required("business_name", businessName, 100);
        String support = Texts.required("support_contact", supportContact, 160);
        String frequency = Texts.required("message_frequency", messageFrequency, 100);
        StopScope stopScope = parseScope(scope);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE sms_settings SET business_name = ?, "
                     + "support_contact = ?, message_frequency = ?, stop_scope = ?, updated_by = ?, updated_at = ?, "
                     + "version = version + 1 WHERE id = 1 AND version = ?")) {
            update.setString(1, business);
            update.setString(2, support);
            update.setString(3, frequency);
            update.setString(4, stopScope.name());
            update.setString(5, actor);
            update.setTimestamp(6, Timestamp.from(clock.instant()));
            update.setLong(7, expectedVersion);
            if (update.executeUpdate() != 1) {
                throw new ConflictException("SMS settings were changed by someone else since this page was loaded. "
                        + "Reload the page and apply your change again.");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Saving SMS settings failed: " + e.getMessage(), e);
        }
        LOG.info(() -> "SMS settings saved by " + actor + ", STOP scope " + stopScope);
        return read();
    }

    private static StopScope parseScope(String scope) {
        if (scope == null || scope.isBlank()) {
            throw new MissingInputException("stop_scope", "The STOP scope (stop_scope) is missing. Choose ALL_SMS "
                    + "(every SMS subscription, the default) or LAST_SENT_TYPE.");
        }
        for (StopScope value : StopScope.values()) {
            if (value.name().equals(scope)) {
                return value;
            }
        }
        throw new InvalidInputException("stop_scope", "'" + scope + "' is not a STOP scope. Choose ALL_SMS or "
                + "LAST_SENT_TYPE.");
    }
}
