package org.optline.messaging.control.carrier;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.optline.contacts.api.Contacts;
import org.optline.contacts.api.InvalidPhoneNumberException;
import org.optline.contacts.api.PhoneNumber;
import org.optline.messaging.control.TwilioGateway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Acts on a provider's delivery report for a message Optline sent: a failure with the carrier opt-out
 * code ({@link TwilioGateway#OPTED_OUT}) records carrier opt-outs of the message's number; any other
 * failure code is written on the message for admins and changes no consent. Reports on messages that
 * Optline does not know are ignored.
 */
@ApplicationScoped
public class StatusReports {

    private static final Logger LOG = Logger.getLogger(StatusReports.class.getName());

    /** The message states in which Twilio's report carries a failure and its error code. */
    private static final Set<String> FAILED_STATES = Set.of("failed", "undelivered");

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    Contacts contacts;

    @Inject
    CarrierOptOuts carrierOptOuts;

    /** A sent message that a report names: its number, when known, and where it is stored. */
    private record Sent(String table, String phone) {
    }

    /**
     * Handles one report.
     *
     * @param messageId the provider's message id, such as Twilio's MessageSid
     * @param status    the provider's message status, such as {@code delivered} or {@code undelivered}
     * @param errorCode the provider's error code, or null
     * @param to        the recipient as the report names it, or null
     */
    public void handle(String messageId, String status, String errorCode, String to) {
        if (status == null || !FAILED_STATES.contains(status) || errorCode == null || errorCode.isBlank()) {
            return;
        }
        Optional<Sent> sent = find(messageId, to);
        if (sent.isEmpty()) {
            LOG.info(() -> "Ignored a " + status + " report with error " + errorCode + " for message " + messageId
                    + ", which Optline did not send");
            return;
        }
        String detail = "The provider reported the message " + status + ", error " + errorCode + ".";
        writeDetail(sent.get().table(), messageId, detail);
        if (!TwilioGateway.OPTED_OUT.equals(errorCode)) {
            LOG.info(() -> "Message " + messageId + " reported " + status + " with error " + errorCode
                    + "; recorded on the message, consent unchanged");
            return;
        }
        if (sent.get().phone() == null) {
            LOG.warning(() -> "Message " + messageId + " reported a carrier opt-out, but its number is unknown; "
                    + "no opt-out recorded");
            return;
        }
        carrierOptOuts.record(sent.get().phone(), "status report of message " + messageId);
    }

    /**
     * Finds the message: a notice stores its number, a campaign message only the masked number, so the
     * report's {@code To} is taken for it when its mask matches the stored one.
     */
    private Optional<Sent> find(String messageId, String to) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT to_number FROM sms_notice WHERE provider_message_id = ? LIMIT 1")) {
                select.setString(1, messageId);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        return Optional.of(new Sent("sms_notice", row.getString(1)));
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT masked_phone FROM sms_recipient WHERE provider_message_id = ? LIMIT 1")) {
                select.setString(1, messageId);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        String e164 = e164(to);
                        boolean same = e164 != null && PhoneNumber.mask(e164).equals(row.getString(1));
                        return Optional.of(new Sent("sms_recipient", same ? e164 : null));
                    }
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the message of a status report failed: " + e.getMessage(), e);
        }
    }

    private String e164(String to) {
        if (to == null || to.isBlank()) {
            return null;
        }
        try {
            return contacts.parsePhone("To", to).e164();
        } catch (InvalidPhoneNumberException e) {
            return null;
        }
    }

    private void writeDetail(String table, String messageId, String detail) {
        // The table name is one of two constants chosen above, never input.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET detail = ? "
                     + "WHERE provider_message_id = ?")) {
            update.setString(1, detail);
            update.setString(2, messageId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Recording a status report failed: " + e.getMessage(), e);
        }
    }
}
