package org.optline.messaging.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        return claimAll(sendId, Map.of(contactId, e164)).contains(contactId);
    }

    /**
     * Claims the numbers of several contacts in the send, as {@link #claimForSend} does one, and returns
     * the contacts that have their number's claim. It takes one insert, and one read when the insert
     * skipped a number claimed before or shared in this batch. When contacts of {@code phonesByContact}
     * share a number, the lowest contact id takes it. The rows are inserted in the order of their
     * numbers, so that two transactions claiming the same numbers lock them in the same order and wait
     * for each other instead of deadlocking.
     */
    public Set<Long> claimAll(long sendId, Map<Long, String> phonesByContact) {
        Set<Long> holders = new HashSet<>();
        if (phonesByContact.isEmpty()) {
            return holders;
        }
        try (Connection connection = dataSource.getConnection()) {
            List<Map.Entry<Long, String>> ordered = phonesByContact.entrySet().stream()
                    .sorted(Map.Entry.<Long, String>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .toList();
            try (PreparedStatement insert = connection.prepareStatement("INSERT IGNORE INTO sms_send_phone (send_id, "
                    + "phone, contact_id, claimed_at) VALUES " + String.join(",", Collections.nCopies(ordered.size(),
                    "(?, ?, ?, UTC_TIMESTAMP(6))")))) {
                int index = 1;
                for (Map.Entry<Long, String> contact : ordered) {
                    insert.setLong(index++, sendId);
                    insert.setString(index++, contact.getValue());
                    insert.setLong(index++, contact.getKey());
                }
                if (insert.executeUpdate() == ordered.size()) {
                    // Every contact took its number now: none was claimed before, and none shares one here.
                    holders.addAll(phonesByContact.keySet());
                    return holders;
                }
            }
            Set<String> phones = new HashSet<>(phonesByContact.values());
            try (PreparedStatement select = connection.prepareStatement("SELECT phone, contact_id FROM sms_send_phone "
                    + "WHERE send_id = ? AND phone IN (" + String.join(",", Collections.nCopies(phones.size(), "?")) + ")")) {
                select.setLong(1, sendId);
                int index = 2;
                for (String phone : phones) {
                    select.setString(index++, phone);
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long holder = rows.getLong(2);
                        if (rows.getString(1).equals(phonesByContact.get(holder))) {
                            holders.add(holder);
                        }
                    }
                }
            }
            return holders;
        } catch (SQLException e) {
            throw new IllegalStateException("Claiming " + phonesByContact.size() + " numbers for send " + sendId
                    + " failed: " + e.getMessage(), e);
        }
    }
}
