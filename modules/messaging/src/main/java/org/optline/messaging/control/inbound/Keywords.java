package org.optline.messaging.control.inbound;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;
import org.optline.platform.ResourceNotFoundException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The keyword lists of {@code sms_keyword}: read for every inbound message from a copy that is at most
 * {@link #CACHE_FOR} old, and changed by admins. Built-in words cannot be removed.
 */
@ApplicationScoped
public class Keywords {

    private static final Logger LOG = Logger.getLogger(Keywords.class.getName());

    /** How long an instance keeps its copy of the lists; another instance's change is seen after at most this. */
    static final Duration CACHE_FOR = Duration.ofSeconds(10);
    static final int MAX_LENGTH = 40;
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    /** A keyword in normalized form. */
    public record Keyword(String word, KeywordKind kind, String locale, boolean builtIn) {
    }

    private record Snapshot(Map<String, Keyword> byWord, Instant readAt) {
    }

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    Clock clock;

    private volatile Snapshot snapshot;

    /** Returns the keyword that the whole message is, after normalizing it, or empty. */
    public Optional<Keyword> match(String body) {
        String text = KeywordText.normalize(body);
        return text.isEmpty() ? Optional.empty() : Optional.ofNullable(current().byWord().get(text));
    }

    /** Returns the opt-out keywords in normalized form, from the cached lists. */
    public Set<String> optOutWords() {
        return current().byWord().values().stream().filter(keyword -> keyword.kind() == KeywordKind.OPT_OUT)
                .map(Keyword::word).collect(Collectors.toUnmodifiableSet());
    }

    /** Returns every keyword, sorted by kind, locale and word, read from the database now. */
    public List<Keyword> list() {
        List<Keyword> words = new ArrayList<>(read().values());
        words.sort((a, b) -> a.kind() != b.kind() ? a.kind().compareTo(b.kind())
                : !a.locale().equals(b.locale()) ? a.locale().compareTo(b.locale()) : a.word().compareTo(b.word()));
        return words;
    }

    /**
     * Adds a word, normalized, to a kind's list in a language.
     *
     * @throws InvalidInputException when the word is empty once normalized, too long, or already a keyword
     */
    public Keyword add(String word, String kindName, String locale, String actor) {
        if (word == null || word.isBlank()) {
            throw new MissingInputException("word", "The keyword is missing. Enter the word customers text, such as ARRET.");
        }
        String normalized = KeywordText.normalize(word);
        if (normalized.isEmpty()) {
            throw new InvalidInputException("word", "'" + word + "' has no letters or digits once white space and "
                    + "punctuation are trimmed. Enter a word such as ARRET.");
        }
        if (normalized.length() > MAX_LENGTH) {
            throw new InvalidInputException("word", "The keyword is " + normalized.length() + " characters long; the "
                    + "maximum is " + MAX_LENGTH + ". Enter a shorter word.");
        }
        KeywordKind kind = KeywordKind.parse(kindName).orElseThrow(() -> new InvalidInputException("kind", "'"
                + kindName + "' is not a keyword kind. Choose OPT_OUT, OPT_IN or HELP."));
        String language = locale == null ? "" : locale.strip();
        if (!LOCALE.matcher(language).matches()) {
            throw new InvalidInputException("locale", "'" + language + "' is not a language code. Enter one such as "
                    + "en, fr or pt-BR.");
        }
        Keyword existing = read().get(normalized);
        if (existing != null) {
            throw new InvalidInputException("word", "'" + normalized + "' is already in the " + existing.kind().label()
                    .toLowerCase(java.util.Locale.ROOT) + " keywords (" + existing.locale() + "). Each word can be in "
                    + "one list only.");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO sms_keyword (word, kind, locale, "
                     + "built_in, created_by, created_at) VALUES (?, ?, ?, FALSE, ?, ?)")) {
            insert.setString(1, normalized);
            insert.setString(2, kind.name());
            insert.setString(3, language);
            insert.setString(4, actor);
            insert.setTimestamp(5, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        } catch (SQLException e) {
            if ("23000".equals(e.getSQLState())) {
                throw new InvalidInputException("word", "'" + normalized + "' is already a keyword. Each word can be "
                        + "in one list only.");
            }
            throw new IllegalStateException("Adding SMS keyword failed: " + e.getMessage(), e);
        }
        snapshot = null;
        LOG.info(() -> "SMS keyword " + normalized + " (" + kind + ", " + language + ") added by " + actor);
        return new Keyword(normalized, kind, language, false);
    }

    /**
     * Removes a word that an admin added.
     *
     * @throws InvalidInputException     for a built-in word, which the rules for SMS programs require
     * @throws ResourceNotFoundException when the word is not a keyword
     */
    public void remove(String word, String actor) {
        String normalized = KeywordText.normalize(word);
        Keyword existing = read().get(normalized);
        if (existing == null) {
            throw new ResourceNotFoundException("'" + normalized + "' is not a keyword. Reload the page to see the lists.");
        }
        if (existing.builtIn()) {
            throw new InvalidInputException("word", normalized + " is a built-in keyword and cannot be removed: carriers "
                    + "and SMS rules expect every program to honor it.");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM sms_keyword WHERE word = ? AND built_in = FALSE")) {
            delete.setString(1, normalized);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Removing SMS keyword failed: " + e.getMessage(), e);
        }
        snapshot = null;
        LOG.info(() -> "SMS keyword " + normalized + " removed by " + actor);
    }

    private Snapshot current() {
        Snapshot seen = snapshot;
        Instant now = clock.instant();
        if (seen == null || seen.readAt().plus(CACHE_FOR).isBefore(now)) {
            seen = new Snapshot(read(), now);
            snapshot = seen;
        }
        return seen;
    }

    private Map<String, Keyword> read() {
        Map<String, Keyword> words = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT word, kind, locale, built_in FROM sms_keyword");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                Optional<KeywordKind> kind = KeywordKind.parse(row.getString(2));
                if (kind.isPresent()) {
                    words.put(row.getString(1), new Keyword(row.getString(1), kind.get(), row.getString(3),
                            row.getBoolean(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading SMS keywords failed: " + e.getMessage(), e);
        }
        return Collections.unmodifiableMap(words);
    }
}
