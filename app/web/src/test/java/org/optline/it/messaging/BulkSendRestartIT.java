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

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app instances on one database run the same send through the sandbox without a delay, which
 * takes a batch of 1,000 messages in one call. Each instance checks a batch while its previous batch
 * is stamped, sent and recorded on a second thread. One instance is killed with SIGKILL while it has
 * claimed rows, in its checks or in a batch's end. Every recipient must still get exactly one message.
 */
class BulkSendRestartIT {

    private static final int RECIPIENTS = 20_000;
    /** A short lease, so that the survivor takes the dead instance's rows over soon, and no quiet hours. */
    private static final List<String> SETTINGS = List.of("optline.sms.lease-seconds=15",
            "optline.sms.quiet-hours.start=00:00:00", "optline.sms.quiet-hours.end=00:00:01");

    @Test
    void killedBulkSenderSendsEachOnce() {
        String tag = "BulkRestart" + UUID.randomUUID().toString().substring(0, 8);
        int firstNumber = new SecureRandom().nextInt(9_000_000);
        List<Long> contacts;
        long send;
        long claimedAtKill;
        try (LocalPayara first = LocalPayara.start("bulk-restart-first", SETTINGS);
             LocalPayara second = LocalPayara.start("bulk-restart-second", SETTINGS)) {
            // Inserted after the first instance migrated the database.
            contacts = TestDatabase.insertContactsWithPhones(tag, RECIPIENTS, index -> "+81903" + String.format("%07d",
                    firstNumber + index));
            ApiClient api = new ApiClient(first.base(), TestCredentials.apiToken());
            MessagingFixtures fixtures = new MessagingFixtures(api, PageSession.signedInAdmin(first.base()));
            String type = fixtures.smsType("Bulk restart " + tag, "opt_in", "live");
            MessagingFixtures.optInByBulkJob(api, type, tag);

            send = fixtures.send("Bulk restart test {{name}}", type, null);
            long sendId = send;
            String firstOwner = "%/" + first.pid() + "/%";
            claimedAtKill = Poll.until("the first instance to hold claimed rows of send " + send, Duration.ofMinutes(2),
                    () -> TestDatabase.number("SELECT COUNT(*) FROM sms_recipient WHERE send_id = ? AND state = 'SENDING' "
                            + "AND lease_owner LIKE ?", sendId, firstOwner),
                    count -> count > 0);
            first.kill();

            MessagingFixtures.awaitDone(send, Duration.ofMinutes(3));
        }

        Map<Long, Recipient> recipients = MessagingFixtures.recipients(send);
        List<Map.Entry<Long, OutboxMessage>> outbox = MessagingFixtures.outbox(send);
        Map<Long, Long> messagesPerContact = outbox.stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.counting()));

        assertThat(claimedAtKill).as("rows the first instance held when it was killed").isPositive();
        assertThat(recipients.keySet()).as("recipients").containsExactlyInAnyOrderElementsOf(contacts);
        assertThat(recipients.values().stream().collect(Collectors.groupingBy(Recipient::state, Collectors.counting())))
                .as("recipients by state").isEqualTo(Map.of("SENT", (long) RECIPIENTS));
        assertThat(outbox).as("outbox messages of the send").hasSize(RECIPIENTS);
        assertThat(messagesPerContact.keySet()).as("contacts with a message").isEqualTo(Set.copyOf(contacts));
        assertThat(messagesPerContact.values()).as("messages per contact").containsOnly(1L);
        assertThat(TestDatabase.number("SELECT COUNT(DISTINCT lease_owner) FROM sms_recipient WHERE send_id = ?", send))
                .as("rows still leased").isZero();
    }
}
