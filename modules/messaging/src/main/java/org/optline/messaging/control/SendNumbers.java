package org.optline.messaging.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Gives each number one message per send: contacts that share a number (a family phone, a lead and a
 * user never merged) would otherwise each get a copy. The first recipient with the number to reach the
 * gateway claims it in {@code sms_send_phone}.
 */
@ApplicationScoped
public class SendNumbers {

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    /**
     * Claims {@code e164} for the contact in the send, on the caller's transaction, and returns whether the
     * contact has the claim: true when it took it now or took it in an earlier attempt, false when
     * another recipient of the send has it. A concurrent claim of the same number waits for the first
     * one's transaction and then reads its row.
     */
    public boolean claimForSend(long sendId, String e164, long contactId) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT IGNORE INTO sms_send_phone (send_id, "
                    + "phone, contact_id, claimed_at) VALUES (?, ?, ?, UTC_TIMESTAMP(6))")) {
                insert.setLong(1, sendId);
                insert.setString(2, e164);
                insert.setLong(3, contactId);
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT contact_id FROM sms_send_phone "
                    + "WHERE send_id = ? AND phone = ?")) {
                select.setLong(1, sendId);
                select.setString(2, e164);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() && row.getLong(1) == contactId;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Claiming a number for send " + sendId + " failed: " + e.getMessage(), e);
        }
    }
}
