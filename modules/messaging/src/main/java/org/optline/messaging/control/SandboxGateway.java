package org.optline.messaging.control;

import org.optline.messaging.api.SmsGateway;
import org.optline.messaging.api.SmsGatewayException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The default gateway: it sends nothing out of Optline and stores every message in the outbox table,
 * which admins read at {@code /admin/outbox}. A message is stored once per idempotency key, so a send
 * repeated after a crash returns the first message's id.
 */
public final class SandboxGateway implements SmsGateway {

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration delay;

    /**
     * @param delay how long each call waits after storing the message, to imitate a provider's
     *              response time in demos and tests; zero for none
     */
    public SandboxGateway(DataSource dataSource, Clock clock, Duration delay) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.delay = delay;
    }

    @Override
    public String send(String to, String body, String idempotencyKey) throws SmsGatewayException {
        try (Connection connection = dataSource.getConnection()) {
            // LAST_INSERT_ID(id) makes a duplicate key return the existing row's id.
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sms_outbox (idempotency_key, "
                    + "to_number, body, created_at) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)")) {
                insert.setString(1, idempotencyKey);
                insert.setString(2, to);
                insert.setString(3, body);
                insert.setTimestamp(4, Timestamp.from(clock.instant()));
                insert.executeUpdate();
            }
            long id;
            try (PreparedStatement select = connection.prepareStatement("SELECT LAST_INSERT_ID()");
                 ResultSet result = select.executeQuery()) {
                result.next();
                id = result.getLong(1);
            }
            awaitResponse();
            return "sandbox-" + id;
        } catch (SQLException e) {
            throw new SmsGatewayException("Storing the message in the sandbox outbox failed: " + e.getMessage(),
                    null, true, e);
        }
    }

    /**
     * Stores the messages with one statement, each once per idempotency key, and reads their ids with
     * another. With a delay configured it stores them one by one, as each call then imitates a provider.
     */
    @Override
    public List<Result> sendAll(List<Message> messages) {
        if (!sendsInBulk() || messages.size() < 2) {
            return SmsGateway.super.sendAll(messages);
        }
        Timestamp now = Timestamp.from(clock.instant());
        Map<String, Long> ids = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sms_outbox (idempotency_key, "
                    + "to_number, body, created_at) VALUES " + String.join(",", Collections.nCopies(messages.size(),
                    "(?, ?, ?, ?)")) + " ON DUPLICATE KEY UPDATE id = id")) {
                int index = 1;
                for (Message message : messages) {
                    insert.setString(index++, message.idempotencyKey());
                    insert.setString(index++, message.to());
                    insert.setString(index++, message.body());
                    insert.setTimestamp(index++, now);
                }
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT idempotency_key, id FROM sms_outbox "
                    + "WHERE idempotency_key IN (" + String.join(",", Collections.nCopies(messages.size(), "?")) + ")")) {
                int index = 1;
                for (Message message : messages) {
                    select.setString(index++, message.idempotencyKey());
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
        } catch (SQLException e) {
            SmsGatewayException error = new SmsGatewayException("Storing the messages in the sandbox outbox failed: "
                    + e.getMessage(), null, true, e);
            return messages.stream().map(message -> new Result(null, error)).toList();
        }
        return messages.stream().map(message -> {
            Long id = ids.get(message.idempotencyKey());
            return id == null
                    ? new Result(null, new SmsGatewayException("The sandbox outbox has no message with key "
                    + message.idempotencyKey() + " after storing it.", null, true, null))
                    : new Result("sandbox-" + id, null);
        }).toList();
    }

    @Override
    public boolean sendsInBulk() {
        return delay.isZero();
    }

    /** Waits the configured delay after storing, as a provider's response arrives after it accepted a message. */
    private void awaitResponse() {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            // The message is stored, so the call succeeded; only the wait is cut short.
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean deduplicates() {
        return true;
    }
}
