package org.optline.subscriptions.control;

import org.optline.platform.StoredEnums;
import org.optline.subscriptions.api.ConsentType;
import org.optline.subscriptions.api.LocaleCode;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.State;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.Translation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads one subscription type with its translations in a single SQL query. Every consent change and
 * form submission reads its type, and the entity find took two queries and several times the CPU.
 */
public final class TypeRows {

    private static final String SELECT = "SELECT t.message_type, t.consent_type, t.state, t.default_locale, t.version, "
            + "t.created_at, t.updated_at, t.double_opt_in, w.locale, w.name, w.description FROM subscription_type t "
            + "LEFT JOIN subscription_type_translation w ON w.subscription_type_id = t.id WHERE t.id = ?";

    private TypeRows() {
    }

    /** Returns the type, or empty when there is none with the id. */
    public static Optional<SubscriptionTypeView> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                MessageType messageType = StoredEnums.require(MessageType.class, rows.getString(1),
                        "subscription_type.message_type");
                ConsentType consentType = StoredEnums.require(ConsentType.class, rows.getString(2),
                        "subscription_type.consent_type");
                State state = StoredEnums.require(State.class, rows.getString(3), "subscription_type.state");
                LocaleCode defaultLocale = new LocaleCode(rows.getString(4));
                long version = rows.getLong(5);
                Instant createdAt = rows.getTimestamp(6).toInstant();
                Instant updatedAt = rows.getTimestamp(7).toInstant();
                boolean doubleOptIn = rows.getBoolean(8);
                List<Translation> translations = new ArrayList<>();
                do {
                    String locale = rows.getString(9);
                    if (locale != null) {
                        translations.add(new Translation(new LocaleCode(locale), rows.getString(10), rows.getString(11)));
                    }
                } while (rows.next());
                return Optional.of(new SubscriptionTypeView(id, messageType, consentType, state, defaultLocale,
                        inShowingOrder(translations, defaultLocale), version, createdAt, updatedAt, doubleOptIn));
            }
        }
    }

    /** Returns the translations with the default locale's first and the others by locale. */
    public static List<Translation> inShowingOrder(List<Translation> translations, LocaleCode defaultLocale) {
        List<Translation> sorted = new ArrayList<>(translations);
        sorted.sort(Comparator.comparing((Translation t) -> !t.locale().value().equals(defaultLocale.value()))
                .thenComparing(Translation::locale));
        return sorted;
    }
}
