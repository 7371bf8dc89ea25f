package org.optline.messaging.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;
import org.optline.segments.api.Audiences;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.State;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.SubscriptionTypes;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** Creates sends from what an admin composed, after checking it, and reads them with their progress. */
@ApplicationScoped
public class Sends {

    private static final Logger LOG = Logger.getLogger(Sends.class.getName());

    public static final int MAX_BODY = 1_600;

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    SubscriptionTypes types;

    @Inject
    Audiences audiences;

    @Inject
    Clock clock;

    /** A composed message, checked: the body parses and the type is a live SMS type. */
    public record Composition(String body, SubscriptionTypeView type, Long segmentId, Instant scheduledAt) {
    }

    /**
     * Checks a composed message.
     *
     * @param scheduledAt when to send, or null for now; it must be in the future
     * @throws InvalidInputException naming the field that breaks a rule
     */
    public Composition check(String body, Long typeId, Long segmentId, Instant scheduledAt) {
        if (body == null || body.isBlank()) {
            throw new MissingInputException("body", "The message is empty. Type the text to send.");
        }
        if (body.length() > MAX_BODY) {
            throw new InvalidInputException("body", "The message has " + body.length() + " characters. Shorten it to "
                    + MAX_BODY + " or fewer.");
        }
        MessageTemplate.parse(body);
        SubscriptionTypeView type = liveSmsType(typeId);
        if (segmentId != null && audiences.segment(segmentId).isEmpty()) {
            throw new InvalidInputException("segment_id", "Segment " + segmentId + " does not exist. Choose a segment "
                    + "from the list, or none to send to every reachable contact.");
        }
        if (scheduledAt != null && !scheduledAt.isAfter(clock.instant())) {
            throw new InvalidInputException("scheduled_at", "The time " + scheduledAt + " has passed. Choose a time "
                    + "in the future, or send now.");
        }
        return new Composition(body, type, segmentId, scheduledAt);
    }

    /** Returns the type a message may be sent under, or rejects it naming why. */
    public SubscriptionTypeView liveSmsType(Long typeId) {
        if (typeId == null) {
            throw new MissingInputException("subscription_type_id", "Choose the subscription type the message is sent "
                    + "under; it decides who may receive it.");
        }
        SubscriptionTypeView type = types.find(typeId).orElseThrow(() -> new InvalidInputException("subscription_type_id",
                "Subscription type " + typeId + " does not exist. Choose a live SMS type from the list."));
        if (type.messageType() != MessageType.SMS) {
            throw new InvalidInputException("subscription_type_id", "Subscription type " + typeId + " is for email. "
                    + "Choose a live SMS type.");
        }
        if (type.state() != State.LIVE) {
            throw new InvalidInputException("subscription_type_id", "Subscription type " + typeId + " is "
                    + type.state().label().toLowerCase() + ", so nothing may be sent under it. Choose a live SMS type.");
        }
        return type;
    }

    public SendView create(Composition composition, String actor) {
        Instant now = clock.instant();
        Instant scheduledAt = composition.scheduledAt() == null ? now : composition.scheduledAt();
        SendView send = run(connection -> {
            SendRows rows = new SendRows(connection);
            long id = rows.insert(composition.type().id(), composition.segmentId(), composition.body(), actor, now, scheduledAt);
            return rows.find(id).orElseThrow();
        });
        LOG.info(() -> "SMS send " + send.id() + " created by " + actor + " under subscription type "
                + composition.type().id() + (composition.segmentId() == null ? "" : ", segment " + composition.segmentId())
                + ", scheduled at " + scheduledAt);
        return send;
    }

    public Optional<SendView> find(long id) {
        return run(connection -> new SendRows(connection).find(id));
    }

    public List<SendView> recent(int limit) {
        return run(connection -> new SendRows(connection).recent(limit));
    }

    public SendProgress progress(long id) {
        return run(connection -> new SendRows(connection).progress(id));
    }

    private interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private <T> T run(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("SMS send storage failed: " + e.getMessage(), e);
        }
    }
}
