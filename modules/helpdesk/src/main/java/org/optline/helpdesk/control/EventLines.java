package org.optline.helpdesk.control;

import org.optline.helpdesk.api.PartKind;
import org.optline.helpdesk.api.PartView;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Writes an event line (a part for agents, such as "Ann opted in") with two SQL statements on the
 * caller's transaction: the conversation's update, which takes its row lock as adding any part does,
 * and the part's insert. Busy paths such as the opt-in form add one per request, and through the
 * entity manager the same two rows cost a locking read, a flush and their query preparation.
 */
public final class EventLines {

    private static final String TOUCH = "UPDATE conversation SET updated_at = ?, version = version + 1 WHERE id = ?";
    private static final String INSERT = "INSERT INTO conversation_part (conversation_id, kind, body, created_at) "
            + "VALUES (?, ?, ?, ?)";

    private EventLines() {
    }

    /**
     * Adds the line and returns it, or returns nothing when the conversation does not exist.
     *
     * @param now the time of the line, already truncated to what the column stores
     */
    public static Optional<PartView> append(DataSource dataSource, long conversationId, String text,
                                                      Instant now) throws SQLException {
        Timestamp at = Timestamp.from(now);
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement touch = connection.prepareStatement(TOUCH)) {
                touch.setTimestamp(1, at);
                touch.setLong(2, conversationId);
                if (touch.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            OptionalLong id = OptionalLong.empty();
            try (PreparedStatement insert = connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, conversationId);
                insert.setString(2, PartKind.EVENT.name());
                insert.setString(3, text);
                insert.setTimestamp(4, at);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    if (keys.next()) {
                        id = OptionalLong.of(keys.getLong(1));
                    }
                }
            }
            long partId = id.orElseThrow(() -> new SQLException("MariaDB returned no id for the event line of "
                    + "conversation " + conversationId));
            return Optional.of(new PartView(partId, conversationId, PartKind.EVENT, null, text, null, null,
                    now));
        }
    }
}
