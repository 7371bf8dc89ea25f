package org.optline.it.messaging;

import org.junit.jupiter.api.Test;
import org.optline.it.messaging.MessagingFixtures.OutboxMessage;
import org.optline.it.messaging.MessagingFixtures.Recipient;
import org.optline.it.support.ApiClient;
import org.optline.it.support.LocalPayara;
import org.optline.it.support.PageSession;
import org.optline.it.support.Poll;
import org.optline.it.support.TestCredentials;
import org.optline.it.support.TestDatabase;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app instances on one database run the same send, and one of them is killed with SIGKILL while it
 * sends. Every recipient must still get exactly one message. The killed instance has stored a message
 * in the sandbox outbox without recording its outcome, and the survivor takes its claimed rows over once
 * their lease expires. The sandbox's idempotency key keeps the message stored before the kill single.
 */
class SendRestartIT {

    private static final int RECIPIENTS = 300;
    /**
     * A lease of 15 s, which outlasts the checks right after the kill and lets the survivor take over soon.
     * Quiet hours of one second, so that the default window of 21:00 to 08:00 in Tokyo holds nothing.
     */
    private static final List<String> SETTINGS = List.of("optline.sms.lease-seconds=15",
            "optline.sms.quiet-hours.start=00:00:00", "optline.sms.quiet-hours.end=00:00:01");
    /**
     * The sandbox of the instance that is killed waits 3 s after storing each message, so the kill lands
     * after a message was stored and before its outcome was recorded.
     */
    private static final String SLOW_SANDBOX = "optline.sms.sandbox.delay-ms=3000";
    private static final String FAST_SANDBOX = "optline.sms.sandbox.delay-ms=20";

    @Test
    void killedInstanceSendsEachMessageOnce() {
        String tag = "SendRestart" + UUID.randomUUID().toString().substring(0, 8);
        // A number of its own per contact: a send texts each number once, whoever shares it.
        int firstNumber = new SecureRandom().nextInt(9_000_000);
        List<Long> contacts;
        long send;
        long outboxAtKill;
        List<Long> claimedByDead;
        List<Long> inDoubt;
        List<Long> storedAtKill;
        try (LocalPayara first = LocalPayara.start("send-restart-first", with(SLOW_SANDBOX));
             LocalPayara second = LocalPayara.start("send-restart-second", with(FAST_SANDBOX))) {
            // Inserted once an instance has migrated the database, so the test also runs first in a run.
            contacts = TestDatabase.insertContactsWithPhones(tag, RECIPIENTS, index -> "+81901" + String.format("%07d",
                    firstNumber + index));
            ApiClient api = new ApiClient(first.base(), TestCredentials.apiToken());
            MessagingFixtures fixtures = new MessagingFixtures(api, PageSession.signedInAdmin(first.base()));
            String type = fixtures.smsType("Restart " + tag, "opt_in", "live");
            MessagingFixtures.optInByBulkJob(api, type, tag);

            send = fixtures.send("Restart test {{name}}", type, null);
            long sendId = send;
            String firstOwner = "%/" + first.pid() + "/%";
            Poll.until("the first instance to store a message of send " + send + " without recording it",
                    Duration.ofMinutes(2), () -> TestDatabase.number("SELECT COUNT(*) FROM sms_recipient r "
                            + "JOIN sms_outbox o ON o.idempotency_key = r.idempotency_key WHERE r.send_id = ? "
                            + "AND r.state = 'SENDING' AND r.lease_owner LIKE ? AND r.gateway_call_at IS NOT NULL",
                            sendId, firstOwner),
                    count -> count > 0);
            first.kill();
            List<Map.Entry<Long, OutboxMessage>> stored = MessagingFixtures.outbox(send);
            outboxAtKill = stored.size();
            storedAtKill = stored.stream().map(Map.Entry::getKey).toList();
            claimedByDead = contactIds("SELECT contact_id FROM sms_recipient WHERE send_id = ? AND state = 'SENDING' "
                    + "AND lease_owner LIKE ?", send, firstOwner);
            inDoubt = contactIds("SELECT contact_id FROM sms_recipient WHERE send_id = ? AND state = 'SENDING' "
                    + "AND lease_owner LIKE ? AND gateway_call_at IS NOT NULL", send, firstOwner);

            MessagingFixtures.awaitDone(send, Duration.ofMinutes(3));
            HttpResponse<String> page = PageSession.signedInAdmin(second.base()).get("/admin/messages/" + send);
            assertThat(PageSession.document(page).selectFirst("#send-sent").text()).as("sent on the survivor's page")
                    .isEqualTo(String.valueOf(RECIPIENTS));
        }

        Map<Long, Recipient> recipients = MessagingFixtures.recipients(send);
        List<Map.Entry<Long, OutboxMessage>> outbox = MessagingFixtures.outbox(send);
        Map<Long, Long> messagesPerContact = outbox.stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.counting()));

        assertThat(outboxAtKill).as("messages stored before the kill").isLessThan(RECIPIENTS);
        assertThat(inDoubt).as("rows in doubt: the dead instance had called the gateway").isNotEmpty();
        assertThat(claimedByDead).as("rows claimed by the dead instance").containsAll(inDoubt);
        assertThat(storedAtKill).as("outbox at the kill: messages stored without a recorded outcome").containsAll(inDoubt);
        for (long contact : claimedByDead) {
            assertThat(recipients.get(contact).state()).as("state of contact %s, claimed by the dead instance", contact)
                    .isEqualTo("SENT");
            assertThat(messagesPerContact.get(contact)).as("messages to contact %s, claimed by the dead instance", contact)
                    .isEqualTo(1L);
        }
        assertThat(recipients.keySet()).as("recipients").containsExactlyInAnyOrderElementsOf(contacts);
        assertThat(recipients.values().stream().collect(Collectors.groupingBy(Recipient::state, Collectors.counting())))
                .as("recipients by state").isEqualTo(Map.of("SENT", (long) RECIPIENTS));
        assertThat(outbox).as("outbox messages of the send").hasSize(RECIPIENTS);
        assertThat(messagesPerContact.keySet()).as("contacts with a message").isEqualTo(Set.copyOf(contacts));
        assertThat(messagesPerContact.values()).as("messages per contact").containsOnly(1L);
        assertThat(TestDatabase.number("SELECT COUNT(DISTINCT lease_owner) FROM sms_recipient WHERE send_id = ?", send))
                .as("rows still leased").isZero();
        assertThat(outbox.stream().map(Map.Entry::getValue).map(OutboxMessage::body).map(body -> body.lines().findFirst()
                .orElse("")).collect(Collectors.toMap(Function.identity(), body -> 1, Integer::sum)).values())
                .as("distinct first lines, one per contact name").containsOnly(1);
    }

    private static List<String> with(String sandbox) {
        List<String> settings = new ArrayList<>(SETTINGS);
        settings.add(sandbox);
        return settings;
    }

    private static List<Long> contactIds(String sql, Object... parameters) {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = TestDatabase.connect(); PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
        return ids;
    }

}
