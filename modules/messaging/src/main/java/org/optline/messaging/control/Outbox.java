package org.optline.messaging.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the sandbox gateway's outbox for the admin page. */
@ApplicationScoped
public class Outbox {

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    /** A stored message; the page shows the number in full because the outbox is the admin's test phone. */
    public record Message(long id, String to, String body, Instant createdAt) {
    }

    /** Returns the newest messages first, at most {@code limit}, with ids below {@code beforeId} when it is positive. */
    public List<Message> recent(long beforeId, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id, to_number, body, created_at FROM sms_outbox "
                     + "WHERE ? <= 0 OR id < ? ORDER BY id DESC LIMIT ?")) {
            select.setLong(1, beforeId);
            select.setLong(2, beforeId);
            select.setInt(3, limit);
            List<Message> messages = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    messages.add(new Message(row.getLong(1), row.getString(2), row.getString(3),
                            row.getTimestamp(4).toInstant()));
                }
            }
            return messages;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the outbox failed: " + e.getMessage(), e);
        }
    }
}
