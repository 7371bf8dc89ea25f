package org.optline.messaging.control.inbound;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.optline.contacts.api.Contacts;
import org.optline.contacts.api.InvalidPhoneNumberException;
import org.optline.contacts.api.PhoneNumber;
import org.optline.platform.InvalidInputException;
import org.optline.platform.work.TransactionConflicts;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Receives inbound SMS from the webhooks. Every message is stored first, in a transaction of its own,
 * whatever its sender; then a message from a phone number is handled by {@link KeywordActions}. The
 * unique provider message id makes a webhook delivered twice a repeat that changes nothing.
 */
@ApplicationScoped
public class InboundMessages {

    private static final Logger LOG = Logger.getLogger(InboundMessages.class.getName());

    /** The maximum sender and recipient lengths stored, as the columns allow. */
    static final int MAX_FROM = 64;
    static final int MAX_MESSAGE_ID = 64;
    static final int HANDLE_ATTEMPTS = 4;
    /**
     * The maximum body length accepted, in characters. Twilio sends and receives bodies of at most 1,600
     * characters (its error 21617). At 4 UTF-8 bytes per character, 10,000 characters fit the
     * {@code TEXT} column's 65,535 bytes, so no accepted body is stored cut.
     */
    public static final int MAX_BODY_LENGTH = 10_000;

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    Contacts contacts;

    @Inject
    Keywords keywords;

    @Inject
    KeywordActions actions;

    @Inject
    Clock clock;

    /**
     * A message as a provider delivered it.
     *
     * @param provider          {@code twilio} or {@code generic}
     * @param providerMessageId the provider's id, unique per provider
     * @param from              the sender: a number in any format or an alphanumeric sender id
     */
    public record Received(String provider, String providerMessageId, String from, String to, String body) {

        public Received {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(providerMessageId, "providerMessageId");
            Objects.requireNonNull(from, "from");
            body = body == null ? "" : body;
        }
    }

    /**
     * What became of a delivery.
     *
     * @param duplicate whether the message was stored and handled by an earlier delivery
     */
    public record Result(long inboundId, InboundKind kind, boolean duplicate) {
    }

    /** Stores the message and handles it, and returns the stored message's id. */
    public Result receive(Received message) {
        if (message.body().length() > MAX_BODY_LENGTH) {
            throw new InvalidInputException("body", "body is " + message.body().length() + " characters long; the maximum "
                    + "is " + MAX_BODY_LENGTH + ". An SMS is at most 1,600 characters: send the message as received.");
        }
        Optional<String> number = e164(message.from());
        InboundKind kind = number.isEmpty() ? InboundKind.IGNORED : classify(message.body());
        Keywords.Keyword keyword = number.isEmpty() ? null : keywords.match(message.body()).orElse(null);
        InboundStore.Row stored;
        try (Connection connection = dataSource.getConnection()) {
            stored = new InboundStore(connection).insert(message.provider(), cut(message.providerMessageId(), MAX_MESSAGE_ID),
                    cut(message.from(), MAX_FROM), number.orElse(null), message.to() == null ? null
                            : cut(message.to(), MAX_FROM), message.body(), kind, keyword, clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("Storing inbound SMS " + message.provider() + "/" + message.providerMessageId()
                    + " failed: " + e.getMessage(), e);
        }
        if (stored.handledAt() != null || number.isEmpty()) {
            boolean repeat = number.isPresent();
            if (number.isEmpty()) {
                LOG.info(() -> "Inbound SMS " + stored.id() + " stored from a sender that is not a phone number");
            } else {
                LOG.info(() -> "Inbound SMS " + stored.id() + " delivered again by " + message.provider() + "; handled before");
            }
            return new Result(stored.id(), stored.kind(), repeat);
        }
        boolean handled = handleWithRetry(stored.id(), number.get());
        InboundKind handledKind = reread(message).map(InboundStore.Row::kind).orElse(kind);
        return new Result(stored.id(), handledKind, !handled);
    }

    /**
     * Handles a stored message, trying again when the database broke a deadlock: a STOP that meets a
     * concurrent change of the same contact must still be acted on. Should every attempt fail, the message
     * stays stored unhandled and {@link InboundRecovery} handles it later.
     */
    boolean handleWithRetry(long inboundId, String e164) {
        return TransactionConflicts.retry(HANDLE_ATTEMPTS, () -> "Inbound SMS " + inboundId,
                () -> actions.handle(inboundId, e164));
    }

    /** Returns what the message looks like before it is handled: a keyword kind, REVIEW or MESSAGE. */
    InboundKind classify(String body) {
        return keywords.match(body).map(keyword -> switch (keyword.kind()) {
            case OPT_OUT -> InboundKind.OPT_OUT;
            case OPT_IN -> InboundKind.OPT_IN;
            case HELP -> InboundKind.HELP;
        }).orElseGet(() -> StopRequests.readsAsStopRequest(body, keywords.optOutWords()) ? InboundKind.REVIEW
                : InboundKind.MESSAGE);
    }

    private Optional<String> e164(String from) {
        try {
            return Optional.of(contacts.parsePhone("From", from).e164());
        } catch (InvalidPhoneNumberException e) {
            return Optional.empty();
        }
    }

    private Optional<InboundStore.Row> reread(Received message) {
        try (Connection connection = dataSource.getConnection()) {
            return new InboundStore(connection).find(message.provider(), cut(message.providerMessageId(), MAX_MESSAGE_ID));
        } catch (SQLException e) {
            throw new IllegalStateException("Reading inbound SMS failed: " + e.getMessage(), e);
        }
    }

    private static String cut(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }

    /** Returns a number masked to its last four digits, or a note that the sender is not a number, for logs. */
    static String masked(String e164) {
        return e164 == null ? "(not a number)" : PhoneNumber.mask(e164);
    }
}
