package org.optline.messaging.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.optline.messaging.control.inbound.ReplyTexts;
import org.optline.platform.InvalidInputException;
import org.optline.platform.Texts;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.logging.Logger;
import java.util.regex.Pattern;

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

    /** Maximum length in characters, the width of {@code sms_opt_out_text.text}. */
    public static final int MAX_LENGTH = 160;

    /** Any Unicode line break, including the line and paragraph separators U+2028 and U+2029. */
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    /** The opt-out keyword as a word of its own, in capitals as carriers expect it in the instruction. */
    private static final Pattern STOP_WORD = Pattern.compile("(?<![\\p{L}\\p{N}_])STOP(?![\\p{L}\\p{N}_])");

    private static final String BUNDLE = "org.optline.messaging.boundary.MessagingTexts";

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    Clock clock;

    /**
     * The workspace's opt-out sentence in one locale, as the SMS admin page shows it.
     *
     * @param edited  whether an admin's text replaces the built-in translation
     * @param builtIn the built-in translation of the locale
     */
    public record WorkspaceText(String locale, String text, boolean edited, String builtIn) {
    }

    /** Returns the workspace's opt-out sentence for each locale of {@link ReplyTexts#LOCALES}. */
    public List<WorkspaceText> workspaceTexts() {
        List<WorkspaceText> texts = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String locale : ReplyTexts.LOCALES) {
                String builtIn = builtIn(Locale.forLanguageTag(locale));
                Optional<String> stored = stored(connection, WORKSPACE, locale);
                texts.add(new WorkspaceText(locale, stored.orElse(builtIn), stored.isPresent(), builtIn));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the opt-out texts failed: " + e.getMessage(), e);
        }
        return texts;
    }

    /**
     * Validates and stores an admin's opt-out sentence of the workspace for one locale. It is used for
     * every subscription type without a text of its own in that locale.
     *
     * @throws InvalidInputException for an unknown locale, or a text that is empty, too long, longer than
     *                               one line or without the STOP instruction
     */
    public void saveWorkspaceText(String locale, String text, String actor) {
        requireLocale(locale);
        String valid;
        try {
            valid = validate(text);
        } catch (InvalidInputException e) {
            // The page shows one form per language, so the error names the one that was not saved.
            throw new InvalidInputException("text", "The " + Locale.forLanguageTag(locale).getDisplayLanguage(Locale.ENGLISH)
                    + " (" + locale + ") opt-out text was not saved: " + e.getMessage());
        }
        save(WORKSPACE, locale, valid, actor, clock.instant());
    }

    /** Removes an admin's opt-out sentence of the workspace, so that the built-in translation is used again. */
    public void resetWorkspaceText(String locale, String actor) {
        requireLocale(locale);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM sms_opt_out_text WHERE subscription_type_id = ? AND locale = ?")) {
            delete.setLong(1, WORKSPACE);
            delete.setString(2, locale);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Resetting the opt-out text failed: " + e.getMessage(), e);
        }
        LOG.info(() -> "Opt-out text of the workspace for locale " + locale + " reset to the built-in text by " + actor);
    }

    /**
     * Returns the trimmed text when it can end every SMS: present, at most {@link #MAX_LENGTH} characters,
     * one line, and with the word STOP, because every marketing text must tell the customer how to opt out
     * by keyword.
     *
     * @throws InvalidInputException naming what is wrong and how to fix it
     */
    public static String validate(String text) {
        String value = Texts.required("text", text, MAX_LENGTH);
        // Texts.required has rejected the other control characters, but U+2028 and U+2029 are not control characters.
        if (LINE_BREAK.matcher(value).find()) {
            throw new InvalidInputException("text", "The opt-out text must be one line, because the preference link "
                    + "follows it on the same line. Remove the line breaks.");
        }
        if (!STOP_WORD.matcher(value).find()) {
            throw new InvalidInputException("text", "The opt-out text must tell the customer to reply STOP, in "
                    + "capitals, such as \"Reply STOP to opt out\". Add the word STOP to the text.");
        }
        return value;
    }

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

    private static void requireLocale(String locale) {
        if (!ReplyTexts.supported(locale)) {
            throw new InvalidInputException("locale", "'" + locale + "' has no built-in opt-out text. Choose one of "
                    + String.join(", ", ReplyTexts.LOCALES) + ".");
        }
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
