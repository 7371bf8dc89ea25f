package org.optline.bench.data;

import org.optline.subscriptions.api.ShownText;
import org.optline.subscriptions.control.ShownTexts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The subscription types and consent texts of the benchmark data: five live types, a mix of SMS and
 * email, opt-in and opt-out, and one archived type with old history. Their ids are fixed, so the
 * drivers can name them.
 */
public final class Catalog {

    /** One subscription type, with its English texts and optional Spanish ones. */
    public record Type(long id, String messageType, String consentType, String state, String name, String description,
                       String spanishName, String spanishDescription) {

        public boolean sms() {
            return messageType.equals("SMS");
        }
    }

    /** A text a customer was shown when opting in, with its id and content hash. */
    public record Text(long id, ShownText shown, String sha256) {
    }

    public static final Type ORDER_UPDATES = new Type(1, "SMS", "OPT_IN", "LIVE", "Order updates",
            "Texts about your orders: confirmation, shipping and delivery.", "Actualizaciones de pedidos",
            "SMS sobre sus pedidos: confirmación, envío y entrega.");
    public static final Type PROMOTIONS = new Type(2, "SMS", "OPT_IN", "LIVE", "Promotions",
            "Offers and discount codes, at most four texts a month.", "Promociones",
            "Ofertas y códigos de descuento, como máximo cuatro SMS al mes.");
    /** The opt-out SMS type that the bulk unsubscribe of the benchmark targets. */
    public static final Type ACCOUNT_ALERTS = new Type(3, "SMS", "OPT_OUT", "LIVE", "Account alerts",
            "Texts about sign-ins, payments and changes to your account.", "Alertas de cuenta",
            "SMS sobre inicios de sesión, pagos y cambios en su cuenta.");
    public static final Type NEWSLETTER = new Type(4, "EMAIL", "OPT_IN", "LIVE", "Newsletter",
            "Our monthly newsletter.", null, null);
    public static final Type PRODUCT_NEWS = new Type(5, "EMAIL", "OPT_OUT", "LIVE", "Product news",
            "Emails about new features.", null, null);
    public static final Type HOLIDAY_OFFERS = new Type(6, "SMS", "OPT_IN", "ARCHIVED", "Holiday offers 2023",
            "Holiday season offers, December 2023.", null, null);

    public static final List<Type> TYPES = List.of(ORDER_UPDATES, PROMOTIONS, ACCOUNT_ALERTS, NEWSLETTER, PRODUCT_NEWS,
            HOLIDAY_OFFERS);

    static final Instant TYPES_CREATED = Instant.parse("2018-12-01T09:00:00Z");
    static final Instant HOLIDAY_ARCHIVED = Instant.parse("2024-01-15T09:00:00Z");

    static final Text ORDER_FORM = text(1, "en", "Get order updates by text?", "Yes, text me",
            "By tapping Yes you agree to receive order texts. Msg &amp; data rates may apply. Reply STOP to cancel.");
    static final Text ORDER_FORM_SPANISH = text(2, "es", "¿Recibir actualizaciones de pedidos por SMS?", "Sí, envíenme SMS",
            "Al pulsar Sí acepta recibir SMS sobre sus pedidos. Pueden aplicarse tarifas. Responda STOP para cancelar.");
    static final Text PROMOTIONS_FORM = text(3, "en", "Want our offers by text?", "Sign me up",
            "Up to 4 marketing texts a month. Consent is not a condition of purchase. Reply STOP to cancel, HELP for help.");
    static final Text NEWSLETTER_FORM = text(4, "en", "Subscribe to our newsletter", "Subscribe",
            "One email a month. Unsubscribe at any time with the link in each email.");
    static final Text HOLIDAY_FORM = text(5, "en", "Holiday offers by text?", "Yes please",
            "Up to 6 texts in December 2023. Reply STOP to cancel.");

    static final List<Text> TEXTS = List.of(ORDER_FORM, ORDER_FORM_SPANISH, PROMOTIONS_FORM, NEWSLETTER_FORM, HOLIDAY_FORM);

    private Catalog() {
    }

    private static Text text(long id, String locale, String title, String button, String legal) {
        ShownText shown = new ShownText(locale, title, button, legal);
        return new Text(id, shown, ShownTexts.sha256(shown));
    }

    /** Inserts the types, their translations and the consent texts, with their fixed ids. */
    static void insert(Connection connection) throws SQLException {
        try (PreparedStatement type = connection.prepareStatement("INSERT INTO subscription_type (id, message_type, "
                + "consent_type, state, default_locale, created_at, updated_at, live_at, archived_at, version) "
                + "VALUES (?, ?, ?, ?, 'en', ?, ?, ?, ?, ?)");
             PreparedStatement translation = connection.prepareStatement("INSERT INTO subscription_type_translation "
                     + "(subscription_type_id, locale, name, description) VALUES (?, ?, ?, ?)")) {
            for (Type each : TYPES) {
                boolean archived = each.state().equals("ARCHIVED");
                type.setLong(1, each.id());
                type.setString(2, each.messageType());
                type.setString(3, each.consentType());
                type.setString(4, each.state());
                type.setTimestamp(5, Timestamp.from(TYPES_CREATED));
                type.setTimestamp(6, Timestamp.from(archived ? HOLIDAY_ARCHIVED : TYPES_CREATED));
                type.setTimestamp(7, Timestamp.from(TYPES_CREATED));
                type.setTimestamp(8, archived ? Timestamp.from(HOLIDAY_ARCHIVED) : null);
                type.setLong(9, archived ? 2 : 1);
                type.executeUpdate();
                addTranslation(translation, each.id(), "en", each.name(), each.description());
                if (each.spanishName() != null) {
                    addTranslation(translation, each.id(), "es", each.spanishName(), each.spanishDescription());
                }
            }
            translation.executeBatch();
        }
        try (PreparedStatement text = connection.prepareStatement("INSERT INTO consent_text "
                + "(id, sha256, locale, title, button, legal_text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Text each : TEXTS) {
                text.setLong(1, each.id());
                text.setString(2, each.sha256());
                text.setString(3, each.shown().locale());
                text.setString(4, each.shown().title());
                text.setString(5, each.shown().button());
                text.setString(6, each.shown().legalText());
                text.setTimestamp(7, Timestamp.from(TYPES_CREATED));
                text.addBatch();
            }
            text.executeBatch();
        }
    }

    private static void addTranslation(PreparedStatement translation, long typeId, String locale, String name,
                                       String description) throws SQLException {
        translation.setLong(1, typeId);
        translation.setString(2, locale);
        translation.setString(3, name);
        translation.setString(4, description);
        translation.addBatch();
    }
}
