package org.optline.it.messaging;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.optline.it.messaging.MessagingFixtures.OutboxMessage;
import org.optline.it.messaging.MessagingFixtures.Recipient;
import org.optline.it.support.ApiClient;
import org.optline.it.support.Http;
import org.optline.it.support.LocalPayara;
import org.optline.it.support.PageSession;
import org.optline.it.support.Poll;
import org.optline.it.support.TestCredentials;
import org.optline.it.support.TestDatabase;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outbound SMS over HTTP as an admin sends it: compose with preview, send under a live type, and what
 * the sandbox outbox contains afterwards. The test starts its own Payara Micro instead of using the
 * Arquillian container, because it sets the quiet hours to a window around the time it starts: from an
 * hour before to {@link #QUIET_WINDOW} after, in each recipient's local time. Icelandic numbers (UTC all
 * year) are therefore held until the window ends, and Japanese numbers (UTC+9, no daylight saving time)
 * are outside it for the whole run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutboundSmsIT {

    /** Long enough for Payara Micro to start and the held send to be seen held; the test waits it out. */
    private static final Duration QUIET_WINDOW = Duration.ofMinutes(3);
    private static final String PUBLIC_URL = "https://sms.optline.invalid";
    private static final Pattern ENDING = Pattern.compile("\nReply STOP to opt out or manage your texts: "
            + Pattern.quote(PUBLIC_URL) + "(/p/[A-Za-z0-9_-]+)$");
    private static final Duration SEND_TIMEOUT = Duration.ofMinutes(2);

    private static Instant quietUntil;
    private static LocalPayara payara;
    private static Http http;
    private PageSession admin;
    private MessagingFixtures fixtures;

    @BeforeAll
    static void start() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        quietUntil = now.plus(QUIET_WINDOW);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss");
        LocalTime start = LocalTime.ofInstant(now.minus(Duration.ofHours(1)), ZoneOffset.UTC);
        LocalTime end = LocalTime.ofInstant(quietUntil, ZoneOffset.UTC);
        payara = LocalPayara.start("outbound-sms", List.of("optline.sms.quiet-hours.start=" + start.format(time),
                "optline.sms.quiet-hours.end=" + end.format(time), "optline.public.url=" + PUBLIC_URL));
        http = new Http(payara.base());
    }

    /** Signs in anew for every test, so that no test depends on a session another test left idle. */
    @BeforeEach
    void signIn() {
        admin = PageSession.signedInAdmin(payara.base());
        fixtures = new MessagingFixtures(new ApiClient(payara.base(), TestCredentials.apiToken()), admin);
    }

    @AfterAll
    static void stop() {
        if (payara != null) {
            payara.close();
        }
    }

    @Test
    @Order(1)
    void quietHoursHoldThenRelease() {
        String tag = MessagingFixtures.unique();
        String type = fixtures.smsType("Quiet " + tag, "opt_in", "live");
        long kept = fixtures.contact("Kept " + tag, "kept-" + tag + "@example.com", MessagingFixtures.icelandMobile());
        long leaving = fixtures.contact("Leaving " + tag, "leaving-" + tag + "@example.com",
                MessagingFixtures.icelandMobile());
        fixtures.attach(kept, type);
        fixtures.attach(leaving, type);
        assertThat(Instant.now()).as("time left of the quiet window that ends at %s; Payara Micro started too slowly",
                quietUntil).isBefore(quietUntil.minusSeconds(30));

        long send = fixtures.send("Night owls welcome", type, null);
        Map<Long, Recipient> held = Poll.until("both recipients of send " + send + " to be held", SEND_TIMEOUT,
                () -> MessagingFixtures.recipients(send), rows -> rows.size() == 2
                        && rows.values().stream().allMatch(row -> row.state().equals("HELD")));
        fixtures.detach(leaving, type);

        assertThat(held.get(kept).reason()).isEqualTo("QUIET_HOURS");
        assertThat(held.get(leaving).reason()).isEqualTo("QUIET_HOURS");
        assertThat(Instant.now()).as("time the held rows were seen").isBefore(quietUntil);
        assertThat(MessagingFixtures.outbox(send)).as("outbox during quiet hours").isEmpty();
        assertThat(PageSession.document(admin.htmxGet("/admin/messages/" + send + "/progress"))
                .selectFirst("#send-held").text()).startsWith("2").contains("quiet hours: 2");

        MessagingFixtures.awaitDone(send, QUIET_WINDOW.plus(SEND_TIMEOUT));
        Map<Long, Recipient> done = MessagingFixtures.recipients(send);
        List<Map.Entry<Long, OutboxMessage>> outbox = MessagingFixtures.outbox(send);

        assertThat(done.get(kept).state()).isEqualTo("SENT");
        assertThat(done.get(leaving).state()).isEqualTo("SKIPPED");
        assertThat(done.get(leaving).reason()).isEqualTo("OPTED_OUT");
        assertThat(outbox).extracting(Map.Entry::getKey).containsExactly(kept);
        assertThat(outbox.getFirst().getValue().body()).startsWith("Night owls welcome\n");
    }

    @Test
    @Order(2)
    void optedInContactsGetOneMessageEach() {
        String tag = MessagingFixtures.unique();
        String domain = "sms-" + tag + ".example.com";
        String typeName = "Offers " + tag;
        String type = fixtures.smsType(typeName, "opt_in", "live");
        String otherType = fixtures.smsType("News " + tag, "opt_in", "live");
        String segment = fixtures.segmentOfDomain("Customers " + tag, domain);
        String adaPhone = MessagingFixtures.tokyoMobile();
        long ada = fixtures.contact("Ada Lovelace", "ada@" + domain, adaPhone);
        long grace = fixtures.contact("Grace Hopper", "grace@" + domain, MessagingFixtures.tokyoMobile());
        long changing = fixtures.contact("Changing Mind", "changing@" + domain, MessagingFixtures.tokyoMobile());
        long silent = fixtures.contact("Never Asked", "silent@" + domain, MessagingFixtures.tokyoMobile());
        long outsider = fixtures.contact("Other Domain", "outsider-" + tag + "@example.com", MessagingFixtures.tokyoMobile());
        for (long contact : List.of(ada, grace, changing, outsider)) {
            fixtures.attach(contact, type);
        }
        fixtures.attach(ada, otherType);
        String body = "Hi {{first_name | fallback: \"there\"}}, the sale starts now.";

        Document preview = PageSession.document(admin.htmxPost("/admin/messages/check", "subscription_type_id", type,
                "segment_id", segment, "body", body));
        fixtures.detach(changing, type);
        long send = fixtures.send(body, type, segment);
        MessagingFixtures.awaitDone(send, SEND_TIMEOUT);
        Map<Long, Recipient> recipients = MessagingFixtures.recipients(send);
        List<Map.Entry<Long, OutboxMessage>> outbox = MessagingFixtures.outbox(send);

        assertThat(preview.selectFirst("#compose-audience").text()).isEqualTo("3 of 4 matching contacts will receive it");
        assertThat(preview.selectFirst("#compose-sample").wholeText()).startsWith("Hi ");
        assertThat(recipients.keySet()).as("recipients, listed when the send started").containsExactlyInAnyOrder(ada, grace)
                .doesNotContain(changing, silent, outsider);
        assertThat(recipients.get(ada).state()).isEqualTo("SENT");
        assertThat(recipients.get(grace).state()).isEqualTo("SENT");
        assertThat(outbox).extracting(Map.Entry::getKey).containsExactlyInAnyOrder(ada, grace);
        OutboxMessage toAda = outbox.stream().filter(entry -> entry.getKey() == ada).findFirst().orElseThrow().getValue();
        OutboxMessage toGrace = outbox.stream().filter(entry -> entry.getKey() == grace).findFirst().orElseThrow().getValue();
        assertThat(toAda.to()).isEqualTo(adaPhone);
        assertThat(toAda.body()).startsWith("Hi Ada, the sale starts now.\n");
        assertThat(toGrace.body()).startsWith("Hi Grace, the sale starts now.\n");
        Matcher adaEnding = ENDING.matcher(toAda.body());
        Matcher graceEnding = ENDING.matcher(toGrace.body());
        assertThat(adaEnding.find()).as("opt-out text and link at the end of: %s", toAda.body()).isTrue();
        assertThat(graceEnding.find()).as("opt-out text and link at the end of: %s", toGrace.body()).isTrue();
        assertThat(adaEnding.group(1)).isNotEqualTo(graceEnding.group(1));

        HttpResponse<String> center = http.send(http.request(adaEnding.group(1)).header("Accept-Language", "en").GET()
                .build());
        assertThat(center.statusCode()).isEqualTo(200);
        assertThat(center.body()).contains(typeName).contains("News " + tag);
        assertThat(admin.get("/admin/outbox").body()).contains(adaPhone).contains("Hi Ada, the sale starts now.");
    }

    @Test
    @Order(3)
    void archivedAndDraftTypesAreRejected() {
        String tag = MessagingFixtures.unique();
        String archived = fixtures.smsType("Old " + tag, "opt_in", "archived");
        String draft = fixtures.smsType("Unfinished " + tag, "opt_in", "draft");

        HttpResponse<String> toArchived = fixtures.compose("Hello", archived, null);
        HttpResponse<String> toDraft = fixtures.compose("Hello", draft, null);
        Document check = PageSession.document(admin.htmxPost("/admin/messages/check", "subscription_type_id", archived,
                "segment_id", "", "body", "Hello"));
        String composePage = admin.get("/admin/messages").body();

        assertThat(toArchived.statusCode()).isEqualTo(400);
        assertThat(toArchived.body()).contains("Subscription type " + archived + " is archived")
                .contains("Choose a live SMS type");
        assertThat(toDraft.statusCode()).isEqualTo(400);
        assertThat(toDraft.body()).contains("Subscription type " + draft + " is draft").contains("Choose a live SMS type");
        assertThat(check.selectFirst("#compose-error").text()).contains("is archived");
        assertThat(TestDatabase.number("SELECT COUNT(*) FROM sms_send WHERE subscription_type_id IN (?, ?)",
                Long.parseLong(archived), Long.parseLong(draft))).as("sends stored").isZero();
        assertThat(composePage).doesNotContain("Old " + tag).doesNotContain("Unfinished " + tag);
    }

    @Test
    @Order(4)
    void optOutTypeReachesAllButOptedOut() {
        String tag = MessagingFixtures.unique();
        String domain = "optout-" + tag + ".example.com";
        String type = fixtures.smsType("Service " + tag, "opt_out", "live");
        String segment = fixtures.segmentOfDomain("Service users " + tag, domain);
        long quiet = fixtures.contact("Quiet One", "quiet@" + domain, MessagingFixtures.tokyoMobile());
        long leaving = fixtures.contact("Opted Out", "out@" + domain, MessagingFixtures.tokyoMobile());
        long returning = fixtures.contact("Came Back", "back@" + domain, MessagingFixtures.tokyoMobile());
        long noPhone = fixtures.contact("No Phone", "nophone@" + domain, null);
        fixtures.attach(leaving, type);
        fixtures.attach(returning, type);
        fixtures.detach(returning, type);

        long send = fixtures.send("Maintenance tonight", type, segment);
        MessagingFixtures.awaitDone(send, SEND_TIMEOUT);
        Map<Long, Recipient> recipients = MessagingFixtures.recipients(send);
        List<Map.Entry<Long, OutboxMessage>> outbox = MessagingFixtures.outbox(send);

        assertThat(recipients.keySet()).containsExactlyInAnyOrder(quiet, returning);
        assertThat(recipients.values()).extracting(Recipient::state).containsOnly("SENT");
        assertThat(outbox).extracting(Map.Entry::getKey).containsExactlyInAnyOrder(quiet, returning)
                .doesNotContain(leaving, noPhone);
    }

    @Test
    @Order(5)
    void contactsSharingANumberGetOneMessage() {
        String tag = MessagingFixtures.unique();
        String domain = "shared-" + tag + ".example.com";
        String type = fixtures.smsType("Family " + tag, "opt_in", "live");
        String segment = fixtures.segmentOfDomain("Household " + tag, domain);
        String phone = MessagingFixtures.tokyoMobile();
        long parent = fixtures.contact("Parent " + tag, "parent@" + domain, phone);
        long child = fixtures.contact("Child " + tag, "child@" + domain, phone);
        long neighbour = fixtures.contact("Neighbour " + tag, "neighbour@" + domain, MessagingFixtures.tokyoMobile());
        for (long contact : List.of(parent, child, neighbour)) {
            fixtures.attach(contact, type);
        }

        long send = fixtures.send("One text per phone", type, segment);
        MessagingFixtures.awaitDone(send, SEND_TIMEOUT);
        Map<Long, Recipient> recipients = MessagingFixtures.recipients(send);
        List<Map.Entry<Long, OutboxMessage>> outbox = MessagingFixtures.outbox(send);

        assertThat(outbox).extracting(entry -> entry.getValue().to()).filteredOn(phone::equals).hasSize(1);
        assertThat(outbox).extracting(Map.Entry::getKey).contains(neighbour).hasSize(2);
        assertThat(List.of(recipients.get(parent), recipients.get(child))).extracting(Recipient::state)
                .containsExactlyInAnyOrder("SENT", "SKIPPED");
        assertThat(List.of(recipients.get(parent), recipients.get(child))).extracting(Recipient::reason)
                .contains("DUPLICATE_NUMBER");
    }

    @Test
    @Order(6)
    void previewLeavesOutWhatSendSkipsByNumber() throws SQLException {
        String tag = MessagingFixtures.unique();
        String domain = "numbers-" + tag + ".example.com";
        String type = fixtures.smsType("Numbers " + tag, "opt_in", "live");
        String segment = fixtures.segmentOfDomain("Numbers " + tag, domain);
        String shared = MessagingFixtures.tokyoMobile();
        String stoppedPhone = MessagingFixtures.tokyoMobile();
        String handedOn = MessagingFixtures.tokyoMobile();
        long first = fixtures.contact("First " + tag, "first@" + domain, shared);
        long second = fixtures.contact("Second " + tag, "second@" + domain, shared);
        long stopped = fixtures.contact("Stopped " + tag, "stopped@" + domain, stoppedPhone);
        long leaving = fixtures.contact("Leaving " + tag, "leaving@" + domain, handedOn);
        long staying = fixtures.contact("Staying " + tag, "staying@" + domain, handedOn);
        for (long contact : List.of(first, second, stopped, leaving, staying)) {
            fixtures.attach(contact, type);
        }
        fixtures.detach(leaving, type);
        blockNumber(stoppedPhone);
        String body = "Numbers count once";

        Document check = PageSession.document(admin.htmxPost("/admin/messages/check", "subscription_type_id", type,
                "segment_id", segment, "body", body));
        Document preview = PageSession.document(admin.htmxGet("/admin/segments/preview?type=" + type + "&segment=" + segment));
        long send = fixtures.send(body, type, segment);
        MessagingFixtures.awaitDone(send, SEND_TIMEOUT);
        Map<Long, Recipient> recipients = MessagingFixtures.recipients(send);
        List<Map.Entry<Long, OutboxMessage>> outbox = MessagingFixtures.outbox(send);

        assertThat(check.selectFirst("#compose-audience").text()).isEqualTo("2 of 5 matching contacts will receive it");
        assertThat(check.select("#compose-excluded li").eachText()).containsExactlyInAnyOrder(
                "Number texted STOP (or carrier opt-out): 1", "Opted out: 1", "Shares a number with another recipient: 1");
        assertThat(preview.selectFirst("#audience-reachable").text()).isEqualTo("2 of 5");
        assertThat(preview.selectFirst("tr[data-reason=NUMBER_BLOCKED] td:nth-child(2)").text()).isEqualTo("1");
        assertThat(preview.selectFirst("tr[data-reason=DUPLICATE_NUMBER] td:nth-child(2)").text()).isEqualTo("1");
        assertThat(preview.select("[data-sample-contact]").eachAttr("data-sample-contact"))
                .containsExactly(String.valueOf(first), String.valueOf(staying));
        assertThat(outbox).extracting(Map.Entry::getKey).containsExactlyInAnyOrder(first, staying);
        assertThat(recipients.get(second)).isEqualTo(new Recipient("SKIPPED", "DUPLICATE_NUMBER"));
        assertThat(recipients.get(stopped)).isEqualTo(new Recipient("SKIPPED", "NUMBER_BLOCKED"));
    }

    /**
     * Blocks a number with the row that a STOP texted from it leaves. InboundSmsIT covers how the
     * webhook creates that row, so this test writes it directly.
     */
    private static void blockNumber(String phone) throws SQLException {
        try (Connection connection = TestDatabase.connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO sms_number_block (phone, source, blocked_at) VALUES (?, 'SMS_KEYWORD', UTC_TIMESTAMP(6))")) {
            insert.setString(1, phone);
            insert.executeUpdate();
        }
    }

    @Test
    @Order(7)
    void adminEditsOptOutTextOfLocale() {
        String tag = MessagingFixtures.unique();
        String domain = "opt-out-" + tag + ".example.com";
        String type = fixtures.smsType("Angebote " + tag, "opt_in", "live");
        String segment = fixtures.segmentOfDomain("German " + tag, domain);
        long greta = fixtures.contactInLanguage("Greta " + tag, "greta@" + domain, MessagingFixtures.tokyoMobile(), "de");
        fixtures.attach(greta, type);
        String text = "Antworte STOP <zum> Abmelden & mehr:";

        HttpResponse<String> forged = admin.post("/admin/sms/opt-out", Map.of("HX-Request", "true"),
                "locale", "de", "text", text);
        HttpResponse<String> noStop = admin.htmxPost("/admin/sms/opt-out", "locale", "de", "text", "Antworte HALT zum Abmelden");
        HttpResponse<String> tooLong = admin.htmxPost("/admin/sms/opt-out", "locale", "de", "text", "STOP " + "x".repeat(160));
        HttpResponse<String> unknownLocale = admin.htmxPost("/admin/sms/opt-out", "locale", "it", "text", "Rispondi STOP");
        try {
            HttpResponse<String> saved = admin.htmxPost("/admin/sms/opt-out", "locale", "de", "text", text);
            long send = fixtures.send("Hallo", type, segment);
            MessagingFixtures.awaitDone(send, SEND_TIMEOUT);
            List<Map.Entry<Long, OutboxMessage>> outbox = MessagingFixtures.outbox(send);
            Document page = PageSession.document(admin.get("/admin/sms"));

            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(noStop.statusCode()).isEqualTo(400);
            assertThat(noStop.body()).contains("reply STOP");
            assertThat(tooLong.statusCode()).isEqualTo(400);
            assertThat(tooLong.body()).contains("165 characters long; the maximum is 160");
            assertThat(tooLong.body()).as("names the language of the form").contains("The German (de) opt-out text was not saved");
            assertThat(unknownLocale.statusCode()).isEqualTo(400);
            assertThat(unknownLocale.body()).contains("'it' has no built-in opt-out text");
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            assertThat(saved.body()).contains("Opt-out text saved.").doesNotContain("<zum>");
            assertThat(page.getElementById("opt-out-de").attr("value")).isEqualTo(text);
            assertThat(page.getElementById("opt-out-en").attr("value")).isEqualTo("Reply STOP to opt out or manage your texts:");
            assertThat(outbox).extracting(Map.Entry::getKey).containsExactly(greta);
            assertThat(outbox.getFirst().getValue().body()).startsWith("Hallo\n" + text + " " + PUBLIC_URL + "/p/");
        } finally {
            HttpResponse<String> reset = admin.htmxPost("/admin/sms/opt-out/reset", "locale", "de");
            assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        }
    }

    /**
     * Checks the crash window of the sandbox gateway, which takes a whole batch in one call. An instance
     * died after it stamped two recipients' gateway calls, and the gateway had stored the first message.
     * The rows are written directly, as the dead instance left them. The next instance sends both again,
     * and the first is stored once, with the id of the message stored before the crash.
     */
    @Test
    @Order(8)
    void messagesInDoubtAreSentOnceByADeduplicatingGateway() throws SQLException {
        String tag = MessagingFixtures.unique();
        String type = fixtures.smsType("Restocks " + tag, "opt_in", "live");
        long accepted = fixtures.contact("Accepted Before", "accepted-" + tag + "@example.com", MessagingFixtures.tokyoMobile());
        long pending = fixtures.contact("Not Yet", "pending-" + tag + "@example.com", MessagingFixtures.tokyoMobile());
        fixtures.attach(accepted, type);
        fixtures.attach(pending, type);
        long send;
        long storedBefore;
        try (Connection connection = TestDatabase.connect()) {
            send = insertRunningSend(connection, type, "Back in stock", 2);
            for (long contact : List.of(accepted, pending)) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sms_recipient (send_id, contact_id, "
                        + "state, not_before, lease_owner, lease_expires_at, gateway_call_at, idempotency_key, updated_at) "
                        + "VALUES (?, ?, 'SENDING', UTC_TIMESTAMP(6), 'dead-instance', UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE, "
                        + "UTC_TIMESTAMP(6) - INTERVAL 2 MINUTE, ?, UTC_TIMESTAMP(6))")) {
                    insert.setLong(1, send);
                    insert.setLong(2, contact);
                    insert.setString(3, "optline-sms-" + send + "-" + contact);
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sms_outbox (idempotency_key, to_number, "
                    + "body, created_at) SELECT ?, phone, 'Back in stock (stored before the crash)', UTC_TIMESTAMP(6) "
                    + "FROM contact WHERE id = ?", PreparedStatement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, "optline-sms-" + send + "-" + accepted);
                insert.setLong(2, accepted);
                insert.executeUpdate();
                try (var keys = insert.getGeneratedKeys()) {
                    keys.next();
                    storedBefore = keys.getLong(1);
                }
            }
        }

        MessagingFixtures.awaitDone(send, SEND_TIMEOUT);
        Map<Long, Recipient> recipients = MessagingFixtures.recipients(send);
        List<Map.Entry<Long, OutboxMessage>> outbox = MessagingFixtures.outbox(send);

        assertThat(recipients.get(accepted)).isEqualTo(new Recipient("SENT", null));
        assertThat(recipients.get(pending)).isEqualTo(new Recipient("SENT", null));
        assertThat(outbox).extracting(Map.Entry::getKey).containsExactly(accepted, pending);
        assertThat(outbox.getFirst().getValue().body()).isEqualTo("Back in stock (stored before the crash)");
        assertThat(outbox.getLast().getValue().body()).startsWith("Back in stock\n");
        assertThat(TestDatabase.number("SELECT COUNT(*) FROM sms_recipient WHERE send_id = ? AND contact_id = ? "
                + "AND provider_message_id = CONCAT('sandbox-', ?)", send, accepted, storedBefore)).isEqualTo(1);
    }

    /**
     * Checks that a recipient held for quiet hours keeps its number against a contact with a higher id
     * that is still waiting for its first attempt, because released rows are claimed first. With first
     * attempts claimed first, the later contact and 999 contacts without a number would fill the first
     * batch of 1,000, and the later contact would take the number.
     */
    @Test
    @Order(9)
    void releasedHeldRecipientKeepsItsNumber() throws SQLException {
        String tag = MessagingFixtures.unique();
        String type = fixtures.smsType("Morning news " + tag, "opt_in", "live");
        String phone = MessagingFixtures.tokyoMobile();
        long held = fixtures.contact("Held Early", "held-" + tag + "@example.com", phone);
        long later = fixtures.contact("Listed Later", "later-" + tag + "@example.com", phone);
        fixtures.attach(held, type);
        fixtures.attach(later, type);
        long send;
        try (Connection connection = TestDatabase.connect()) {
            List<Long> withoutNumber = contactsWithoutNumber(connection, 1_100);
            send = insertRunningSend(connection, type, "Good morning", withoutNumber.size() + 2);
            insertRecipient(connection, send, held, "HELD", "UTC_TIMESTAMP(6) - INTERVAL 1 SECOND");
            // First attempts are due at the send's scheduled time, as the listing writes them.
            String scheduled = "(SELECT scheduled_at FROM sms_send WHERE id = " + send + ")";
            insertRecipient(connection, send, later, "PENDING", scheduled);
            for (long contact : withoutNumber) {
                insertRecipient(connection, send, contact, "PENDING", scheduled);
            }
        }

        MessagingFixtures.awaitDone(send, SEND_TIMEOUT);
        Map<Long, Recipient> recipients = MessagingFixtures.recipients(send);

        assertThat(recipients.get(held)).isEqualTo(new Recipient("SENT", null));
        assertThat(recipients.get(later)).isEqualTo(new Recipient("SKIPPED", "DUPLICATE_NUMBER"));
        assertThat(MessagingFixtures.outbox(send)).extracting(Map.Entry::getKey).containsExactly(held);
    }

    /**
     * Checks that a recipient held for quiet hours whose contact has no number when it is released is
     * skipped without showing the number it was held with, which the send page would show beside "no
     * phone".
     */
    @Test
    @Order(10)
    void releasedRecipientWithoutNumberShowsNone() throws SQLException {
        String tag = MessagingFixtures.unique();
        String type = fixtures.smsType("Evening news " + tag, "opt_in", "live");
        long contact = fixtures.contact("Number Removed", "removed-" + tag + "@example.com", MessagingFixtures.tokyoMobile());
        fixtures.attach(contact, type);
        long send;
        try (Connection connection = TestDatabase.connect()) {
            send = insertRunningSend(connection, type, "Good evening", 1);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE contact SET phone = NULL, phone_type = NULL WHERE id = ?")) {
                update.setLong(1, contact);
                update.executeUpdate();
            }
            insertRecipient(connection, send, contact, "HELD", "UTC_TIMESTAMP(6) - INTERVAL 1 SECOND");
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE sms_recipient SET masked_phone = '+81 *** 0142' WHERE send_id = ?")) {
                update.setLong(1, send);
                update.executeUpdate();
            }
        }

        MessagingFixtures.awaitDone(send, SEND_TIMEOUT);

        assertThat(MessagingFixtures.recipients(send).get(contact)).isEqualTo(new Recipient("SKIPPED", "NO_PHONE"));
        try (Connection connection = TestDatabase.connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT masked_phone FROM sms_recipient WHERE send_id = ? AND contact_id = ?")) {
            select.setLong(1, send);
            select.setLong(2, contact);
            try (var row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isNull();
            }
        }
    }

    /**
     * Inserts a send that is past its listing, as a worker leaves it, scheduled a minute ago, and returns
     * its id. The tests then write its recipient rows directly.
     */
    private static long insertRunningSend(Connection connection, String type, String body, int recipients)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sms_send (subscription_type_id, body, "
                + "created_by, created_at, scheduled_at, state, recipient_count, started_at) VALUES (?, ?, "
                + "'admin@tests.optline.invalid', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE, 'SENDING', ?, "
                + "UTC_TIMESTAMP(6))", PreparedStatement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, Long.parseLong(type));
            insert.setString(2, body);
            insert.setInt(3, recipients);
            insert.executeUpdate();
            try (var keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static List<Long> contactsWithoutNumber(Connection connection, int count) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO contact (role, created_at, updated_at) "
                + "VALUES ('LEAD', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))", PreparedStatement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < count; i++) {
                insert.executeUpdate();
                try (var keys = insert.getGeneratedKeys()) {
                    keys.next();
                    ids.add(keys.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void insertRecipient(Connection connection, long send, long contact, String state, String notBefore)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sms_recipient (send_id, contact_id, state, "
                + "reason, not_before, idempotency_key, updated_at) VALUES (?, ?, ?, ?, " + notBefore + ", ?, UTC_TIMESTAMP(6))")) {
            insert.setLong(1, send);
            insert.setLong(2, contact);
            insert.setString(3, state);
            insert.setString(4, state.equals("HELD") ? "QUIET_HOURS" : null);
            insert.setString(5, "optline-sms-" + send + "-" + contact);
            insert.executeUpdate();
        }
    }
}
