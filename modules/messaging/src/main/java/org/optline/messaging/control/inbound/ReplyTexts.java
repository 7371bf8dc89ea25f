package org.optline.messaging.control.inbound;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.optline.platform.InvalidInputException;
import org.optline.platform.Texts;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts Optline answers keywords with and asks for a YES with: an admin's edited text from
 * {@code sms_reply_text} for the kind and locale, else the built-in translation of the
 * {@code ReplyTexts} bundle. Placeholders in braces ({business}, {support}, {frequency}, and
 * {subscription} in the double opt-in request) are filled in when a text is rendered.
 */
@ApplicationScoped
public class ReplyTexts {

    private static final Logger LOG = Logger.getLogger(ReplyTexts.class.getName());

    /** The locales with a built-in translation, English first. */
    public static final List<String> LOCALES = List.of("en", "fr", "de", "es");
    static final int MAX_LENGTH = 480;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Map<String, Properties> BUILT_IN = readBuiltIn();

    /** The text of one kind in one locale and whether an admin edited it. */
    public record ReplyText(ReplyKind kind, String locale, String text, boolean edited, String builtIn) {
    }

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    SmsSettings settings;

    /** Returns the built-in text of a kind in one of {@link #LOCALES}. */
    public static String builtIn(ReplyKind kind, String locale) {
        String text = BUILT_IN.get(locale).getProperty(kind.name());
        if (text == null) {
            throw new IllegalStateException("ReplyTexts" + suffix(locale) + ".properties has no " + kind);
        }
        return text;
    }

    /**
     * Reads the built-in translations. The files are read as resources rather than as a ResourceBundle,
     * because a named module cannot pass a ResourceBundle.Control, which the unit tests need to avoid
     * falling back to the JVM's default locale.
     */
    private static Map<String, Properties> readBuiltIn() {
        Map<String, Properties> texts = new LinkedHashMap<>();
        for (String locale : LOCALES) {
            String file = "ReplyTexts" + suffix(locale) + ".properties";
            try (InputStream stream = ReplyTexts.class.getResourceAsStream(file)) {
                if (stream == null) {
                    throw new IllegalStateException(file + " is missing next to " + ReplyTexts.class.getName());
                }
                Properties properties = new Properties();
                properties.load(new InputStreamReader(stream, StandardCharsets.UTF_8));
                texts.put(locale, properties);
            } catch (IOException e) {
                throw new UncheckedIOException("Reading " + file + " failed", e);
            }
        }
        return texts;
    }

    private static String suffix(String locale) {
        return locale.equals("en") ? "" : "_" + locale;
    }

    /** Returns whether {@code locale} has a built-in translation; answers go out in such a locale only. */
    public static boolean supported(String locale) {
        return locale != null && LOCALES.contains(locale);
    }

    /**
     * Returns the text to send for {@code kind} in {@code locale} (one of {@link #LOCALES}) with its
     * placeholders filled from the SMS settings and {@code values}.
     */
    public String render(ReplyKind kind, String locale, Map<String, String> values) {
        String template = stored(kind, locale).orElseGet(() -> builtIn(kind, locale));
        SmsSettings.Settings program = settings.read();
        Map<String, String> all = new LinkedHashMap<>(values);
        all.put("business", program.businessName());
        all.put("support", program.supportContact());
        all.put("frequency", program.messageFrequency());
        return fill(template, all);
    }

    /** Replaces each known {name} with its value; unknown ones stay as typed. */
    static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(text, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(text);
        return text.toString();
    }

    /** Returns every kind's text in every built-in locale, as the admin page lists them. */
    public List<ReplyText> list() {
        Map<String, String> edited = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT kind, locale, text FROM sms_reply_text");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                edited.put(row.getString(1) + "/" + row.getString(2), row.getString(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading SMS reply texts failed: " + e.getMessage(), e);
        }
        List<ReplyText> texts = new ArrayList<>();
        for (ReplyKind kind : ReplyKind.values()) {
            for (String locale : LOCALES) {
                String builtIn = builtIn(kind, locale);
                String text = edited.get(kind.name() + "/" + locale);
                texts.add(new ReplyText(kind, locale, text == null ? builtIn : text, text != null, builtIn));
            }
        }
        return texts;
    }

    /**
     * Stores an admin's text for a kind and locale.
     *
     * @throws InvalidInputException for an unknown kind or locale, an empty or too long text, a
     *                               placeholder the kind does not offer, or a missing required one
     */
    public void save(String kindName, String locale, String text, String actor) {
        ReplyKind kind = kind(kindName);
        requireLocale(locale);
        String value = Texts.required("text", text, MAX_LENGTH);
        TreeSet<String> unknown = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(value);
        while (matcher.find()) {
            if (!kind.placeholders().contains(matcher.group(1))) {
                unknown.add("{" + matcher.group(1) + "}");
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("text", "Unknown placeholder" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown) + ". A " + kind.label().toLowerCase(Locale.ROOT) + " may use "
                    + new TreeSet<>(kind.placeholders()).stream().map(name -> "{" + name + "}").toList()
                    .toString().replace("[", "").replace("]", "") + ".");
        }
        List<String> missing = kind.required().stream().filter(name -> !value.contains("{" + name + "}"))
                .map(name -> "{" + name + "}").toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("text", "The text is missing " + String.join(" and ", missing) + ": "
                    + kind.requiredBecause() + ", as the rules for SMS programs require. Add "
                    + (missing.size() == 1 ? "it" : "them") + " to the text.");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("INSERT INTO sms_reply_text (kind, locale, text, "
                     + "updated_by, updated_at) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE text = VALUES(text), "
                     + "updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)")) {
            upsert.setString(1, kind.name());
            upsert.setString(2, locale);
            upsert.setString(3, value);
            upsert.setString(4, actor);
            upsert.setTimestamp(5, Timestamp.from(clock.instant()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Saving SMS reply text failed: " + e.getMessage(), e);
        }
        LOG.info(() -> "SMS reply text " + kind + " (" + locale + ") edited by " + actor);
    }

    /** Removes an admin's text, so that the built-in translation is used again. */
    public void reset(String kindName, String locale, String actor) {
        ReplyKind kind = kind(kindName);
        requireLocale(locale);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM sms_reply_text WHERE kind = ? AND locale = ?")) {
            delete.setString(1, kind.name());
            delete.setString(2, locale);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Resetting SMS reply text failed: " + e.getMessage(), e);
        }
        LOG.info(() -> "SMS reply text " + kind + " (" + locale + ") reset to the built-in text by " + actor);
    }

    private Optional<String> stored(ReplyKind kind, String locale) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT text FROM sms_reply_text WHERE kind = ? AND locale = ?")) {
            select.setString(1, kind.name());
            select.setString(2, locale);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading SMS reply text failed: " + e.getMessage(), e);
        }
    }

    private static ReplyKind kind(String kindName) {
        return ReplyKind.parse(kindName).orElseThrow(() -> new InvalidInputException("kind", "'" + kindName
                + "' is not a reply kind. Choose OPT_OUT, OPT_IN, HELP or DOUBLE_OPT_IN."));
    }

    private static void requireLocale(String locale) {
        if (!supported(locale)) {
            throw new InvalidInputException("locale", "'" + locale + "' has no built-in reply texts. Choose one of "
                    + String.join(", ", LOCALES) + ".");
        }
    }
}
