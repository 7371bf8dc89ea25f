package org.optline.messaging.control.inbound;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.optline.contacts.api.PhoneNumber;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the open reviews: inbound messages that read as a request to stop and wait for an agent. */
@ApplicationScoped
public class ReviewQueue {

    static final int SHOWN = 100;

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    /** A message waiting for review, with its sender masked to the last four digits. */
    public record OpenReview(long id, String maskedNumber, String body, Instant receivedAt) {
    }

    /** Returns the oldest open reviews first, at most {@link #SHOWN}. */
    public List<OpenReview> open() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id, from_number, body, received_at "
                     + "FROM sms_inbound WHERE review_state = 'OPEN' ORDER BY received_at, id LIMIT " + SHOWN);
             ResultSet row = select.executeQuery()) {
            List<OpenReview> reviews = new ArrayList<>();
            while (row.next()) {
                reviews.add(new OpenReview(row.getLong(1), PhoneNumber.mask(row.getString(2)), row.getString(3),
                        row.getTimestamp(4).toInstant()));
            }
            return reviews;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the SMS review queue failed: " + e.getMessage(), e);
        }
    }
}
