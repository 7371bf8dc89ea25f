package org.optline.it.messaging;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.optline.it.support.ApiClient;
import org.optline.it.support.LocalPayara;
import org.optline.it.support.PageSession;
import org.optline.it.support.TestCredentials;
import org.optline.it.support.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A send lists its recipients from the audience index, which learns of changes from the change rows
 * that triggers write. A row of a transaction that stays open longer than the index's settle time (10 s)
 * becomes visible after the index has moved past its sequence number. A count may miss such a change
 * until the next full load, but a send lists each contact once, so the listing must still find it. The
 * same holds for a change behind more change rows than one catch-up of the index reads (50,000).
 */
class SendListingIT {

    /** Longer than the index's settle time of 10 s, plus a few of its one-second rounds. */
    private static final Duration PAST_SETTLE_TIME = Duration.ofSeconds(15);
    /**
     * Change rows that name nothing, ten catch-ups' worth. The index's background rounds, one a second,
     * need about ten rounds to read them, and the send lists its recipients before that.
     */
    private static final int BACKLOG = 500_000;

    private static LocalPayara payara;
    private MessagingFixtures fixtures;

    @BeforeAll
    static void start() {
        payara = LocalPayara.start("send-listing", List.of("optline.sms.quiet-hours.start=00:00:00",
                "optline.sms.quiet-hours.end=00:00:01"));
    }

    @AfterAll
    static void stop() {
        if (payara != null) {
            payara.close();
        }
    }

    @BeforeEach
    void signIn() {
        fixtures = new MessagingFixtures(new ApiClient(payara.base(), TestCredentials.apiToken()),
                PageSession.signedInAdmin(payara.base()));
    }

    @Test
    void lateCommittedChangeIsListed() throws SQLException, InterruptedException {
        String tag = MessagingFixtures.unique();
        String type = fixtures.smsType("Listing " + tag, "opt_in", "live");
        long steady = fixtures.contact("Steady " + tag, "steady-" + tag + "@example.com", MessagingFixtures.tokyoMobile());
        long late = fixtures.contact("Late " + tag, "late-" + tag + "@example.com", MessagingFixtures.tokyoMobile());
        fixtures.attach(steady, type);
        fixtures.attach(late, type);
        setLineType(late, null);

        // The number gets its line type back in a transaction that commits after the index moved past it.
        try (Connection open = TestDatabase.connect()) {
            open.setAutoCommit(false);
            try (PreparedStatement update = open.prepareStatement("UPDATE contact SET phone_type = 'MOBILE' WHERE id = ?")) {
                update.setLong(1, late);
                update.executeUpdate();
            }
            fixtures.contact("Later change " + tag, "other-" + tag + "@example.com", null);
            // NOTE: nothing outside the index shows when it has moved past a number, so the test waits.
            Thread.sleep(PAST_SETTLE_TIME);
            open.commit();
        }

        long send = fixtures.send("Listing test", type, null);
        MessagingFixtures.awaitDone(send, Duration.ofMinutes(2));
        Map<Long, MessagingFixtures.Recipient> recipients = MessagingFixtures.recipients(send);

        assertThat(recipients.keySet()).as("recipients").containsExactlyInAnyOrder(steady, late);
        assertThat(recipients.get(late)).isEqualTo(new MessagingFixtures.Recipient("SENT", null));
        assertThat(MessagingFixtures.outbox(send)).extracting(Map.Entry::getKey).containsExactlyInAnyOrder(steady, late);
    }

    @Test
    void changeBehindBacklogIsListed() throws SQLException {
        String tag = MessagingFixtures.unique();
        String type = fixtures.smsType("Backlog " + tag, "opt_in", "live");
        long steady = fixtures.contact("Steady " + tag, "steady-" + tag + "@example.com", MessagingFixtures.tokyoMobile());
        long behind = fixtures.contact("Behind " + tag, "behind-" + tag + "@example.com", MessagingFixtures.tokyoMobile());
        fixtures.attach(steady, type);
        fixtures.attach(behind, type);
        setLineType(behind, null);

        // The line type comes back in the change row after the backlog.
        try (Connection connection = TestDatabase.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audience_change (contact_id, phone) "
                    + "SELECT NULL, NULL FROM seq_1_to_" + BACKLOG)) {
                insert.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE contact SET phone_type = 'MOBILE' WHERE id = ?")) {
                update.setLong(1, behind);
                update.executeUpdate();
            }
            connection.commit();
        }
        long send = fixtures.send("Backlog test", type, null);
        MessagingFixtures.awaitDone(send, Duration.ofMinutes(2));
        Map<Long, MessagingFixtures.Recipient> recipients = MessagingFixtures.recipients(send);

        assertThat(recipients.keySet()).as("recipients").containsExactlyInAnyOrder(steady, behind);
        assertThat(recipients.get(behind)).isEqualTo(new MessagingFixtures.Recipient("SENT", null));
    }

    private static void setLineType(long contact, String lineType) throws SQLException {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement update = connection.prepareStatement("UPDATE contact SET phone_type = ? WHERE id = ?")) {
            update.setString(1, lineType);
            update.setLong(2, contact);
            update.executeUpdate();
        }
    }
}
