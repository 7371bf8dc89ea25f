package org.optline.it.messaging;

import org.junit.jupiter.api.Test;
import org.optline.it.messaging.MessagingFixtures.OutboxMessage;
import org.optline.it.messaging.MessagingFixtures.Recipient;
import org.optline.it.support.ApiClient;
import org.optline.it.support.Http;
import org.optline.it.support.LocalPayara;
import org.optline.it.support.PageSession;
import org.optline.it.support.Poll;
import org.optline.it.support.TestCredentials;
import org.optline.it.support.TestDatabase;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app instances on one database run the same send, and one of them is killed with SIGKILL while it
 * sends. Every recipient must still get exactly one message. The sandbox gateway waits a little per
 * message, so the send takes long enough to be killed halfway, and the lease is short, so the surviving
 * instance takes the dead one's claimed rows over soon. Those rows may have reached the outbox before
 * the kill without their outcome being recorded; the sandbox's idempotency key keeps them single.
 */
class SendRestartIT {

    private static final int RECIPIENTS = 300;
    /**
     * A short lease, a sandbox that takes 40 ms per message, and quiet hours of one second, so that the
     * default window of 21:00 to 08:00 in Tokyo holds nothing whenever the test runs.
     */
    private static final List<String> SETTINGS = List.of("optline.sms.lease-seconds=5",
            "optline.sms.sandbox.delay-ms=40", "optline.sms.quiet-hours.start=00:00:00",
            "optline.sms.quiet-hours.end=00:00:01");

    @Test
    void killedInstanceSendsEachMessageOnce() {
        String tag = "SendRestart" + UUID.randomUUID().toString().substring(0, 8);
        List<Long> contacts = TestDatabase.insertContacts(tag, RECIPIENTS, "+819012345678");
        long send;
        long outboxAtKill;
        try (LocalPayara first = LocalPayara.start("send-restart-first", SETTINGS);
             LocalPayara second = LocalPayara.start("send-restart-second", SETTINGS)) {
            ApiClient api = new ApiClient(first.base(), TestCredentials.apiToken());
            MessagingFixtures fixtures = new MessagingFixtures(api, PageSession.signedInAdmin(first.base()));
            String type = fixtures.smsType("Restart " + tag, "opt_in", "live");
            optIn(api, type, tag);

            send = fixtures.send("Restart test {{name}}", type, null);
            long sendId = send;
            outboxAtKill = Poll.until("send " + send + " to store its first messages", Duration.ofMinutes(2),
                    () -> (long) MessagingFixtures.outbox(sendId).size(), count -> count >= 20);
            first.kill();
            assertThat(outboxAtKill).as("messages stored before the kill").isLessThan(RECIPIENTS);

            MessagingFixtures.awaitDone(send, Duration.ofMinutes(3));
        }

        Map<Long, Recipient> recipients = MessagingFixtures.recipients(send);
        List<Map.Entry<Long, OutboxMessage>> outbox = MessagingFixtures.outbox(send);
        Map<Long, Long> messagesPerContact = outbox.stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.counting()));

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

    /** Opts the tagged contacts in with one bulk consent job and waits for it to finish. */
    private static void optIn(ApiClient api, String type, String tag) {
        String job = Http.json(api.post("/api/bulk_consent_jobs", "{\"subscription_type_id\": \"" + type
                + "\", \"action\": \"opt_in\", \"query\": {\"field\": \"name\", \"operator\": \"~\", \"value\": \""
                + tag + "\"}}")).getString("id");
        String state = Poll.until("bulk opt-in job " + job + " to finish", Duration.ofMinutes(3),
                () -> Http.json(api.get("/api/bulk_consent_jobs/" + job)).getString("state"),
                value -> !value.equals("queued") && !value.equals("running"));
        assertThat(state).as("bulk opt-in job state").isEqualTo("done");
    }
}
