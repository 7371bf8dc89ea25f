package org.optline.it.messaging;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.optline.it.messaging.InboundSms.Event;
import org.optline.it.messaging.InboundSms.Inbound;
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
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inbound SMS through the webhooks, signed as Twilio signs them: keywords change consent with one
 * ledger event per type and one answer in the sandbox outbox, repeats change and send nothing, and
 * unsigned requests store nothing. The test starts its own Payara Micro with a Twilio auth token and
 * with quiet hours far from the time it runs, in UTC, where its Icelandic numbers are.
 */
class InboundSmsIT {

    private static final String AUTH_TOKEN = "0123456789abcdef0123456789abcdef";
    private static final String PUBLIC_URL = "https://sms-in.optline.invalid";
    private static final Duration SEND_TIMEOUT = Duration.ofMinutes(2);

    private static LocalPayara payara;
    private static InboundSms sms;
    private PageSession admin;
    private MessagingFixtures fixtures;

    @BeforeAll
    static void start() {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        payara = LocalPayara.start("inbound-sms", List.of("optline.twilio.auth-token=" + AUTH_TOKEN,
                "optline.public.url=" + PUBLIC_URL, "optline.sms.quiet-hours.start=" + now.plusHours(8).format(time),
                "optline.sms.quiet-hours.end=" + now.plusHours(9).format(time)));
        sms = new InboundSms(payara.base(), PUBLIC_URL, AUTH_TOKEN);
    }

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

    private record Subscriber(long contact, String phone, String first, String second) {
    }

    /** Creates a contact opted in to two new live SMS types. */
    private Subscriber subscriber(String name) {
        String tag = MessagingFixtures.unique();
        String first = fixtures.smsType("Offers " + tag, "opt_in", "live");
        String second = fixtures.smsType("News " + tag, "opt_in", "live");
        String phone = MessagingFixtures.icelandMobile();
        long contact = fixtures.contact(name + " " + tag, name.toLowerCase() + "-" + tag + "@example.com", phone);
        fixtures.attach(contact, first);
        fixtures.attach(contact, second);
        return new Subscriber(contact, phone, first, second);
    }

    @Test
    void keywordSequenceChangesConsentInOrder() {
        Subscriber subscriber = subscriber("Sequence");
        record Step(String text, String expected, String keyword) {
        }
        List<Step> steps = List.of(
                new Step("stopall", "OPT_OUT", "STOPALL"),
                new Step("start", "OPT_IN", "START"),
                new Step("Opt out", "OPT_OUT", "OPT OUT"),
                new Step("UNSTOP", "OPT_IN", "UNSTOP"),
                new Step("STOP ALL", "OPT_OUT", "STOP ALL"),
                new Step("Arrêt", null, "ARRET"),
                new Step("START", "OPT_IN", "START"));
        int answers = 0;
        for (Step step : steps) {
            String sid = sms.text(subscriber.phone(), step.text());
            Inbound inbound = InboundSms.inbound("twilio", sid);
            List<String> outbox = InboundSms.outboxTo(subscriber.phone());
            List<Event> mine = InboundSms.eventsOf(inbound.id()).stream()
                    .filter(event -> event.typeId() == Long.parseLong(subscriber.first())
                            || event.typeId() == Long.parseLong(subscriber.second()))
                    .toList();

            assertThat(inbound.keyword()).as("keyword of %s", step.text()).isEqualTo(step.keyword());
            if (step.expected() == null) {
                assertThat(InboundSms.eventsOf(inbound.id())).as("events of the repeated %s", step.text()).isEmpty();
                assertThat(InboundSms.noticeKinds(inbound.id())).as("answers to the repeated %s", step.text()).isEmpty();
                assertThat(outbox).as("outbox after the repeated %s", step.text()).hasSize(answers);
                continue;
            }
            answers++;
            assertThat(mine).as("events of %s", step.text()).hasSize(2);
            assertThat(mine).extracting(Event::action).as("actions of %s", step.text()).containsOnly(step.expected());
            assertThat(mine).extracting(Event::source).containsOnly("SMS_KEYWORD");
            assertThat(mine).extracting(Event::actorKind).containsOnly("CUSTOMER");
            assertThat(mine).extracting(Event::keyword).containsOnly(step.keyword());
            assertThat(InboundSms.noticeKinds(inbound.id())).as("answers to %s", step.text())
                    .containsExactly(step.expected());
            assertThat(outbox).as("outbox after %s", step.text()).hasSize(answers);
            assertThat(outbox.getLast()).contains(step.expected().equals("OPT_OUT") ? "unsubscribed" : "subscribed again");
            assertThat(InboundSms.blocked(subscriber.phone())).as("block after %s", step.text())
                    .isEqualTo(step.expected().equals("OPT_OUT"));
        }

        String help = sms.text(subscriber.phone(), "AIDE");
        Inbound helpInbound = InboundSms.inbound("twilio", help);
        List<String> outbox = InboundSms.outboxTo(subscriber.phone());

        assertThat(helpInbound.kind()).isEqualTo("HELP");
        assertThat(helpInbound.keywordLocale()).isEqualTo("fr");
        assertThat(InboundSms.eventsOf(helpInbound.id())).isEmpty();
        assertThat(outbox).hasSize(answers + 1);
        assertThat(outbox.getLast()).startsWith("Optline : Pour obtenir de l’aide").contains("STOP");
        assertThat(InboundSms.events(subscriber.contact(), subscriber.first()).getLast().action()).isEqualTo("OPT_IN");
    }

    @Test
    void keywordEvidenceShowsInApiAndProfile() {
        Subscriber subscriber = subscriber("Evidence");
        String sid = sms.text(subscriber.phone(), "Stop!");
        Inbound inbound = InboundSms.inbound("twilio", sid);

        ApiClient api = new ApiClient(payara.base(), TestCredentials.apiToken());
        HttpResponse<String> listed = api.get("/api/contacts/" + subscriber.contact() + "/consent_events");
        JsonObject latest = Http.json(listed).getJsonArray("data").stream().map(JsonObject.class::cast)
                .filter(event -> event.getString("subscription_type_id").equals(subscriber.first()))
                .reduce((first, second) -> second).orElseThrow();
        HttpResponse<String> history = admin.get("/admin/contacts/" + subscriber.contact() + "/consent-history");

        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(latest.getString("source")).isEqualTo("sms_keyword");
        assertThat(latest.getString("keyword")).isEqualTo("STOP");
        assertThat(latest.getString("inbound_sms_id")).isEqualTo(String.valueOf(inbound.id()));
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(PageSession.document(history).select("dt").eachText()).contains("Keyword", "Inbound text");
        assertThat(PageSession.document(history).select("dd").eachText()).contains("STOP", String.valueOf(inbound.id()));
    }

    @Test
    void punctuationAndCaseStillOptOut() {
        for (String text : List.of("Stop.", "STOP!!", "  stop")) {
            Subscriber subscriber = subscriber("Variant");
            String sid = sms.text(subscriber.phone(), text);
            Inbound inbound = InboundSms.inbound("twilio", sid);

            assertThat(inbound.kind()).as("kind of [%s]", text).isEqualTo("OPT_OUT");
            assertThat(InboundSms.events(subscriber.contact(), subscriber.first()).getLast().action())
                    .as("first type after [%s]", text).isEqualTo("OPT_OUT");
            assertThat(InboundSms.events(subscriber.contact(), subscriber.second()).getLast().keyword())
                    .as("keyword of the second type after [%s]", text).isEqualTo("STOP");
        }
    }

    @Test
    void storedStopThatNoWebhookHandledIsHandledLater() throws Exception {
        Subscriber subscriber = subscriber("Recovered");
        // As if the instance that stored the STOP died before handling it: the row is there, unhandled.
        String sid = InboundSms.messageSid();
        try (Connection connection = TestDatabase.connect();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO sms_inbound (provider, "
                     + "provider_message_id, from_raw, from_number, body, received_at, kind) "
                     + "VALUES ('twilio', ?, ?, ?, 'STOP', UTC_TIMESTAMP(6) - INTERVAL 2 MINUTE, 'OPT_OUT')")) {
            insert.setString(1, sid);
            insert.setString(2, subscriber.phone());
            insert.setString(3, subscriber.phone());
            insert.executeUpdate();
        }

        long handled = Poll.until("the stored STOP to be handled", Duration.ofSeconds(60),
                () -> TestDatabase.number("SELECT COUNT(*) FROM sms_inbound WHERE provider = 'twilio' "
                        + "AND provider_message_id = ? AND handled_at IS NOT NULL", sid), count -> count == 1);
        Inbound inbound = InboundSms.inbound("twilio", sid);

        assertThat(handled).isEqualTo(1);
        for (String type : List.of(subscriber.first(), subscriber.second())) {
            Event latest = InboundSms.events(subscriber.contact(), type).getLast();
            assertThat(latest.action()).as("type %s", type).isEqualTo("OPT_OUT");
            assertThat(latest.inboundId()).as("type %s", type).isEqualTo(inbound.id());
        }
        assertThat(InboundSms.noticeKinds(inbound.id())).containsExactly("OPT_OUT");
        assertThat(InboundSms.outboxTo(subscriber.phone())).hasSize(1);
        assertThat(InboundSms.blocked(subscriber.phone())).isTrue();
    }

    @Test
    void agentReplyQueuedBeforeStopIsNotSent() throws Exception {
        Subscriber subscriber = subscriber("Replied");
        Inbound question = InboundSms.inbound("twilio", sms.text(subscriber.phone(), "When does the sale end?"));
        long conversation = TestDatabase.number("SELECT conversation_id FROM sms_inbound WHERE id = ?", question.id());
        long questionPart = TestDatabase.number("SELECT conversation_part_id FROM sms_inbound WHERE id = ?",
                question.id());
        // An agent's reply to it waits in the queue (due in a few seconds) when the customer texts STOP.
        try (Connection connection = TestDatabase.connect();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO sms_notice (kind, to_number, "
                     + "contact_id, body, conversation_part_id, state, not_before, idempotency_key, created_at, "
                     + "updated_at) VALUES ('AGENT_REPLY', ?, ?, 'Sure, here are the details', ?, 'PENDING', "
                     + "UTC_TIMESTAMP(6) + INTERVAL 5 SECOND, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")) {
            insert.setString(1, subscriber.phone());
            insert.setLong(2, subscriber.contact());
            insert.setLong(3, questionPart);
            insert.setString(4, "test-reply-" + MessagingFixtures.unique());
            insert.executeUpdate();
        }
        sms.text(subscriber.phone(), "STOP");

        String state = Poll.until("the queued reply to be settled", Duration.ofSeconds(60),
                () -> InboundSms.noticeState(subscriber.phone(), "AGENT_REPLY"), value -> !"PENDING".equals(value)
                        && !"SENDING".equals(value));
        List<String> outbox = InboundSms.outboxTo(subscriber.phone(), false);

        assertThat(state).isEqualTo("FAILED");
        assertThat(outbox).hasSize(1);
        assertThat(outbox.getFirst()).contains("unsubscribed");
        // The agent reads in the conversation that the reply did not go out.
        assertThat(TestDatabase.number("SELECT COUNT(*) FROM conversation_part WHERE conversation_id = ? "
                + "AND kind = 'EVENT' AND body LIKE 'The text message reply above was not delivered.%'", conversation))
                .isEqualTo(1);
        // Writing that line from the worker's thread once broke the thread's invocation context, and every
        // later round of the worker then ended on a new thread with the error below.
        Thread.sleep(3_000);
        assertThat(payara.logLines("failed with exception")).isEmpty();
    }

    @Test
    void sentenceWithStopIsMessage() {
        Subscriber subscriber = subscriber("Sentence");
        String sid = sms.text(subscriber.phone(), "we must stop this bill");
        Inbound inbound = InboundSms.inbound("twilio", sid);

        assertThat(inbound.kind()).isEqualTo("MESSAGE");
        assertThat(inbound.keyword()).isNull();
        assertThat(InboundSms.eventsOf(inbound.id())).isEmpty();
        assertThat(InboundSms.noticeKinds(inbound.id())).isEmpty();
        assertThat(InboundSms.events(subscriber.contact(), subscriber.first()).getLast().action()).isEqualTo("OPT_IN");
    }

    @Test
    void stopRequestsInOtherWordsGoToReview() {
        Subscriber subscriber = subscriber("Pleading");
        List<String> requests = List.of("STOP please", "please stop", "STOP!!! please", "Stop. Stop. Stop.", "I said STOP",
                "Arrêtez de m'envoyer des SMS s'il vous plaît", "Bitte keine SMS mehr", "No me envíen más mensajes",
                "Hi, I signed up for your offers last year when I bought a sofa and they were useful, but now "
                        + "I have moved far away from your store. Please stop texting me, thanks.");
        for (String text : requests) {
            Inbound inbound = InboundSms.inbound("twilio", sms.text(subscriber.phone(), text));

            assertThat(inbound.kind()).as("kind of [%s]", text).isEqualTo("REVIEW");
            assertThat(inbound.reviewState()).as("review of [%s]", text).isEqualTo("OPEN");
            assertThat(InboundSms.eventsOf(inbound.id())).as("events of [%s]", text).isEmpty();
            assertThat(InboundSms.noticeKinds(inbound.id())).as("answers to [%s]", text).isEmpty();
        }
        assertThat(InboundSms.events(subscriber.contact(), subscriber.first()).getLast().action()).isEqualTo("OPT_IN");
        assertThat(InboundSms.blocked(subscriber.phone())).isFalse();
    }

    @Test
    void invisibleCharactersAndDashesStillMatch() {
        Subscriber subscriber = subscriber("Invisible");
        record Step(String text, String kind, String keyword) {
        }
        List<Step> steps = List.of(
                new Step("STOP\u200b", "OPT_OUT", "STOP"),
                new Step("start", "OPT_IN", "START"),
                new Step("\ufeffSTOP\u2060", "OPT_OUT", "STOP"),
                new Step("start", "OPT_IN", "START"),
                new Step("opt-out", "OPT_OUT", "OPT OUT"),
                new Step("start", "OPT_IN", "START"),
                new Step("STOP_ALL", "OPT_OUT", "STOP ALL"));
        for (Step step : steps) {
            Inbound inbound = InboundSms.inbound("twilio", sms.text(subscriber.phone(), step.text()));

            assertThat(inbound.kind()).as("kind of [%s]", step.text()).isEqualTo(step.kind());
            assertThat(inbound.keyword()).as("keyword of [%s]", step.text()).isEqualTo(step.keyword());
            assertThat(InboundSms.events(subscriber.contact(), subscriber.second()).getLast().action())
                    .as("second type after [%s]", step.text()).isEqualTo(step.kind());
        }
    }

    @Test
    void stopAllIgnoresNarrowedScope() throws Exception {
        String domain = "narrow-" + MessagingFixtures.unique() + ".example.com";
        String tag = MessagingFixtures.unique();
        String sent = fixtures.smsType("Sent " + tag, "opt_in", "live");
        String other = fixtures.smsType("Other " + tag, "opt_in", "live");
        String phone = MessagingFixtures.icelandMobile();
        long contact = fixtures.contact("Narrow", "narrow@" + domain, phone);
        fixtures.attach(contact, sent);
        fixtures.attach(contact, other);
        long send = fixtures.send("Weekend offer", sent, fixtures.segmentOfDomain("Narrow " + tag, domain));
        MessagingFixtures.awaitDone(send, SEND_TIMEOUT);
        setStopScope("LAST_SENT_TYPE");
        try {
            Inbound stop = InboundSms.inbound("twilio", sms.text(phone, "STOP"));

            assertThat(InboundSms.events(contact, sent).getLast().action()).isEqualTo("OPT_OUT");
            assertThat(InboundSms.events(contact, other).getLast().action()).as("type not sent to").isEqualTo("OPT_IN");
            assertThat(InboundSms.noticeKinds(stop.id())).containsExactly("OPT_OUT");

            Inbound stopAll = InboundSms.inbound("twilio", sms.text(phone, "STOP ALL"));
            Event otherEvent = InboundSms.events(contact, other).getLast();

            assertThat(otherEvent.action()).isEqualTo("OPT_OUT");
            assertThat(otherEvent.keyword()).isEqualTo("STOP ALL");
            assertThat(otherEvent.inboundId()).isEqualTo(stopAll.id());
            assertThat(InboundSms.eventsOf(stopAll.id())).filteredOn(event -> event.typeId() == Long.parseLong(sent)
                    || event.typeId() == Long.parseLong(other)).extracting(Event::typeId).containsExactly(Long.parseLong(other));
            assertThat(InboundSms.noticeKinds(stopAll.id())).containsExactly("OPT_OUT");
            assertThat(InboundSms.outboxTo(phone).stream().filter(text -> text.contains("unsubscribed"))).hasSize(2);
        } finally {
            setStopScope("ALL_SMS");
        }
    }

    private static void setStopScope(String scope) throws Exception {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement update = connection.prepareStatement("UPDATE sms_settings SET stop_scope = ? WHERE id = 1")) {
            update.setString(1, scope);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void oversizedBodiesAreRejected() {
        Subscriber subscriber = subscriber("Oversized");
        String sid = InboundSms.messageSid();
        String hugeForm = "MessageSid=" + sid + "&From=" + subscriber.phone().replace("+", "%2B") + "&Body="
                + "STOP".repeat(25_000);
        String id = "huge-" + MessagingFixtures.unique();
        String hugeJson = "{\"id\":\"" + id + "\",\"from\":\"" + subscriber.phone() + "\",\"body\":\""
                + "x".repeat(100_000) + "\"}";
        String longId = "long-" + MessagingFixtures.unique();
        String longJson = "{\"id\":\"" + longId + "\",\"from\":\"" + subscriber.phone() + "\",\"body\":\"STOP "
                + "x".repeat(10_000) + "\"}";

        HttpResponse<String> twilio = sms.postRaw("webhooks/twilio/inbound", "application/x-www-form-urlencoded",
                hugeForm, null);
        HttpResponse<String> status = sms.postRaw("webhooks/twilio/status", "application/x-www-form-urlencoded",
                hugeForm, null);
        HttpResponse<String> json = sms.postRaw("webhooks/sms/inbound", "application/json", hugeJson,
                TestCredentials.apiToken());
        HttpResponse<String> chunked = sms.postChunked("webhooks/sms/inbound", "application/json", hugeJson,
                TestCredentials.apiToken());
        HttpResponse<String> longBody = sms.postRaw("webhooks/sms/inbound", "application/json", longJson,
                TestCredentials.apiToken());

        for (HttpResponse<String> response : List.of(twilio, status, json, chunked)) {
            assertThat(response.statusCode()).as("%s: %s", response.uri(), response.body()).isEqualTo(413);
            assertThat(response.body()).as("%s", response.uri()).contains("maximum is 65536 bytes");
        }
        assertThat(longBody.statusCode()).as(longBody.body()).isEqualTo(400);
        assertThat(longBody.body()).contains("the maximum is 10000");
        assertThat(InboundSms.inboundCount("twilio", sid)).isZero();
        assertThat(InboundSms.inboundCount("generic", id)).isZero();
        assertThat(InboundSms.inboundCount("generic", longId)).isZero();
        assertThat(InboundSms.events(subscriber.contact(), subscriber.first()).getLast().action()).isEqualTo("OPT_IN");
    }

    @Test
    void twilioWebhookNamesFormEncoding() {
        String json = "{\"MessageSid\":\"" + InboundSms.messageSid() + "\",\"Body\":\"STOP\"}";

        for (String path : List.of("webhooks/twilio/inbound", "webhooks/twilio/status")) {
            HttpResponse<String> response = sms.postRaw(path, "application/json", json, null);

            assertThat(response.statusCode()).as(path).isEqualTo(415);
            assertThat(response.body()).as(path).contains("application/x-www-form-urlencoded")
                    .doesNotContain("Send application/json");
        }
    }

    @Test
    void stopEndsBothSubscriptions() {
        String domain = "stop-" + MessagingFixtures.unique() + ".example.com";
        String tag = MessagingFixtures.unique();
        String first = fixtures.smsType("Deals " + tag, "opt_in", "live");
        String second = fixtures.smsType("Alerts " + tag, "opt_in", "live");
        String stopperPhone = MessagingFixtures.icelandMobile();
        long stopper = fixtures.contact("Stopper", "stopper@" + domain, stopperPhone);
        long stayer = fixtures.contact("Stayer", "stayer@" + domain, MessagingFixtures.icelandMobile());
        for (long contact : List.of(stopper, stayer)) {
            fixtures.attach(contact, first);
            fixtures.attach(contact, second);
        }
        String segment = fixtures.segmentOfDomain("Stoppers " + tag, domain);

        sms.text(stopperPhone, "STOP");
        InboundSms.outboxTo(stopperPhone);
        for (String type : List.of(first, second)) {
            long send = fixtures.send("Weekly deals", type, segment);
            MessagingFixtures.awaitDone(send, SEND_TIMEOUT);

            assertThat(MessagingFixtures.outbox(send)).extracting(Map.Entry::getKey).as("recipients of type %s", type)
                    .containsExactly(stayer);
            assertThat(MessagingFixtures.recipients(send).get(stopper)).as("stopper's row under type %s", type)
                    .satisfiesAnyOf(row -> assertThat(row).isNull(),
                            row -> assertThat(row.state()).isEqualTo("SKIPPED"));
        }
        assertThat(InboundSms.outboxTo(stopperPhone)).as("texts to the stopper").hasSize(1);
    }

    @Test
    void stopFromUnknownNumberHoldsForItsLaterContact() {
        String phone = MessagingFixtures.icelandMobile();
        sms.text(phone, "STOP");
        assertThat(InboundSms.outboxTo(phone)).hasSize(1);
        String tag = MessagingFixtures.unique();
        String domain = "later-" + tag + ".example.com";
        // An opt-out type reaches every contact that never opted out, such as one who takes the number later.
        String type = fixtures.smsType("Service " + tag, "opt_out", "live");
        long contact = fixtures.contact("Later owner", "later@" + domain, phone);
        String segment = fixtures.segmentOfDomain("Later " + tag, domain);

        long send = fixtures.send("Service notice", type, segment);
        MessagingFixtures.awaitDone(send, SEND_TIMEOUT);

        assertThat(MessagingFixtures.outbox(send)).isEmpty();
        assertThat(MessagingFixtures.recipients(send).get(contact).state()).isEqualTo("SKIPPED");
        assertThat(MessagingFixtures.recipients(send).get(contact).reason()).isEqualTo("NUMBER_BLOCKED");
        assertThat(InboundSms.outboxTo(phone)).hasSize(1);
    }

    @Test
    void unsignedAndWronglySignedAreRejected() {
        Subscriber subscriber = subscriber("Forged");
        String unsigned = InboundSms.messageSid();
        String wrong = InboundSms.messageSid();
        String tampered = InboundSms.messageSid();
        Map<String, String> tamperedParams = InboundSms.params(tampered, subscriber.phone(), "STOP");
        String signatureOfHello = sms.signature(InboundSms.params(tampered, subscriber.phone(), "HELLO"));

        HttpResponse<String> noSignature = sms.post(InboundSms.params(unsigned, subscriber.phone(), "STOP"), null);
        HttpResponse<String> wrongSignature = sms.post(InboundSms.params(wrong, subscriber.phone(), "STOP"),
                "bm90IGEgc2lnbmF0dXJlIGF0IGFsbA==");
        HttpResponse<String> changedBody = sms.post(tamperedParams, signatureOfHello);

        assertThat(noSignature.statusCode()).isEqualTo(403);
        assertThat(wrongSignature.statusCode()).isEqualTo(403);
        assertThat(changedBody.statusCode()).isEqualTo(403);
        for (String sid : List.of(unsigned, wrong, tampered)) {
            assertThat(InboundSms.inboundCount("twilio", sid)).as("rows of %s", sid).isZero();
        }
        assertThat(InboundSms.events(subscriber.contact(), subscriber.first()).getLast().action()).isEqualTo("OPT_IN");
    }

    @Test
    void duplicateMessageSidActsOnce() {
        Subscriber subscriber = subscriber("Twice");
        String sid = InboundSms.messageSid();
        Map<String, String> params = InboundSms.params(sid, subscriber.phone(), "STOP");
        String signature = sms.signature(params);

        HttpResponse<String> first = sms.post(params, signature);
        HttpResponse<String> second = sms.post(params, signature);
        Inbound inbound = InboundSms.inbound("twilio", sid);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(InboundSms.inboundCount("twilio", sid)).isEqualTo(1);
        assertThat(InboundSms.events(subscriber.contact(), subscriber.first())).filteredOn(event -> event.inboundId() != null)
                .hasSize(1);
        assertThat(InboundSms.noticeKinds(inbound.id())).containsExactly("OPT_OUT");
        assertThat(InboundSms.outboxTo(subscriber.phone())).hasSize(1);
    }

    @Test
    void unknownAndAlphanumericSendersAreKept() {
        String alphanumeric = sms.text("ACMEBANK", "STOP");
        String unknownNumber = MessagingFixtures.icelandMobile();
        String unknownMessage = sms.text(unknownNumber, "Hello, who is this?");
        String unknownStop = sms.text(unknownNumber, "STOP");

        Inbound fromName = InboundSms.inbound("twilio", alphanumeric);
        Inbound message = InboundSms.inbound("twilio", unknownMessage);
        Inbound stop = InboundSms.inbound("twilio", unknownStop);

        assertThat(fromName.fromNumber()).isNull();
        assertThat(fromName.kind()).isEqualTo("IGNORED");
        assertThat(InboundSms.noticeKinds(fromName.id())).isEmpty();
        assertThat(message.fromNumber()).isEqualTo(unknownNumber);
        assertThat(message.kind()).isEqualTo("MESSAGE");
        assertThat(stop.kind()).isEqualTo("OPT_OUT");
        assertThat(InboundSms.blocked(unknownNumber)).isTrue();
        assertThat(InboundSms.outboxTo(unknownNumber)).hasSize(1);
    }

    @Test
    void jsonWebhookNeedsToken() {
        Subscriber subscriber = subscriber("Json");
        String id = "generic-" + MessagingFixtures.unique();
        String json = "{\"id\":\"" + id + "\",\"from\":\"" + subscriber.phone() + "\",\"to\":\"+15005550006\","
                + "\"body\":\"STOP\"}";

        HttpResponse<String> withoutToken = sms.postJson(json, null);
        assertThat(withoutToken.statusCode()).isEqualTo(401);
        assertThat(InboundSms.inboundCount("generic", id)).isZero();

        HttpResponse<String> missingId = sms.postJson("{\"from\":\"" + subscriber.phone() + "\",\"body\":\"STOP\"}",
                TestCredentials.apiToken());
        assertThat(missingId.statusCode()).isEqualTo(400);
        assertThat(missingId.body()).contains("id is missing");

        HttpResponse<String> stored = sms.postJson(json, TestCredentials.apiToken());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        JsonObject answer = Http.json(stored);
        assertThat(answer.getString("kind")).isEqualTo("OPT_OUT");
        assertThat(answer.getBoolean("duplicate")).isFalse();
        assertThat(InboundSms.inbound("generic", id).id()).isEqualTo(answer.getJsonNumber("inbound_id").longValue());
        assertThat(InboundSms.events(subscriber.contact(), subscriber.second()).getLast().action()).isEqualTo("OPT_OUT");
    }

    @Test
    void otherSpellingsOfTokenPathsStillNeedToken() {
        Subscriber subscriber = subscriber("Spelled");
        // The router ignores matrix parameters, empty segments and a trailing slash, and decodes %61 to a,
        // so each of these reaches a protected resource and must be refused without a token.
        for (String path : List.of("webhooks/sms/inbound/", "webhooks/sms/inbound;x=1", "webhooks//sms/inbound",
                "webhooks/sms;a=b/inbound", "webhooks/sms/%69nbound")) {
            String id = "spelled-" + MessagingFixtures.unique();
            String json = "{\"id\":\"" + id + "\",\"from\":\"" + subscriber.phone() + "\",\"body\":\"STOP\"}";

            HttpResponse<String> response = sms.postJson(path, json, null);

            assertThat(response.statusCode()).as("POST %s without a token", path).isIn(401, 404);
            assertThat(InboundSms.inboundCount("generic", id)).as("stored from %s", path).isZero();
        }
        for (String path : List.of("api;a=b/contacts", "api/contacts;a=b", "api//contacts", "api/contacts/",
                "%61pi/contacts", "api;x=1/subscription_types")) {
            HttpResponse<String> response = sms.getAnonymously(path);

            assertThat(response.statusCode()).as("GET %s without a token", path).isIn(401, 404);
            assertThat(response.body()).as("GET %s without a token", path).doesNotContain(subscriber.phone());
        }
        assertThat(InboundSms.events(subscriber.contact(), subscriber.first()).getLast().action()).isEqualTo("OPT_IN");
    }

    @Test
    void reviewQueueOptsOutOrDismisses() {
        Subscriber asking = subscriber("Asking");
        Subscriber chatting = subscriber("Chatting");
        Inbound request = InboundSms.inbound("twilio", sms.text(asking.phone(), "please stop texting me"));
        Inbound other = InboundSms.inbound("twilio", sms.text(chatting.phone(), "Don't text me anymore"));

        assertThat(request.kind()).isEqualTo("REVIEW");
        assertThat(request.reviewState()).isEqualTo("OPEN");
        assertThat(InboundSms.eventsOf(request.id())).isEmpty();
        String queue = admin.get("/inbox/sms-review").body();
        assertThat(queue).contains("please stop texting me").contains(asking.phone().substring(asking.phone().length() - 4))
                .doesNotContain(asking.phone());

        HttpResponse<String> withoutToken = admin.post("/inbox/sms-review/" + request.id() + "/opt-out",
                Map.of("HX-Request", "true"));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        HttpResponse<String> optedOut = admin.htmxPost("/inbox/sms-review/" + request.id() + "/opt-out");
        HttpResponse<String> again = admin.htmxPost("/inbox/sms-review/" + request.id() + "/opt-out");
        HttpResponse<String> dismissed = admin.htmxPost("/inbox/sms-review/" + other.id() + "/dismiss");

        assertThat(optedOut.statusCode()).as(optedOut.body()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(dismissed.statusCode()).as(dismissed.body()).isEqualTo(200);
        List<Event> events = InboundSms.eventsOf(request.id()).stream()
                .filter(event -> event.typeId() == Long.parseLong(asking.first())).toList();
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().action()).isEqualTo("OPT_OUT");
        assertThat(events.getFirst().actorKind()).isEqualTo("AGENT");
        assertThat(events.getFirst().actorId()).isEqualTo(TestCredentials.adminEmail());
        assertThat(events.getFirst().keyword()).isNull();
        assertThat(InboundSms.inbound("twilio", sidOf(request)).reviewState()).isEqualTo("OPTED_OUT");
        assertThat(InboundSms.outboxTo(asking.phone())).hasSize(1);
        assertThat(InboundSms.eventsOf(other.id())).isEmpty();
        assertThat(InboundSms.outboxTo(chatting.phone())).isEmpty();
        assertThat(TestDatabase.number("SELECT COUNT(*) FROM sms_inbound WHERE id = ? AND review_state = 'DISMISSED'",
                other.id())).isEqualTo(1);
    }

    private static String sidOf(Inbound inbound) {
        try (var connection = TestDatabase.connect(); var select = connection.prepareStatement(
                "SELECT provider_message_id FROM sms_inbound WHERE id = ?")) {
            select.setLong(1, inbound.id());
            try (var row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void adminPageRejectsBadInput() {
        assertThat(admin.get("/admin/sms").body()).contains("Business name").contains("ARRET")
                .contains("Narrowing STOP is a legal decision");

        HttpResponse<String> empty = admin.htmxPost("/admin/sms/keywords", "word", "  ", "kind", "OPT_OUT", "locale", "en");
        HttpResponse<String> punctuation = admin.htmxPost("/admin/sms/keywords", "word", "?!", "kind", "OPT_OUT",
                "locale", "en");
        HttpResponse<String> existing = admin.htmxPost("/admin/sms/keywords", "word", "stop!", "kind", "OPT_OUT",
                "locale", "en");
        HttpResponse<String> builtIn = admin.htmxPost("/admin/sms/keywords/remove", "word", "STOP");
        HttpResponse<String> placeholder = admin.htmxPost("/admin/sms/replies", "kind", "HELP", "locale", "en",
                "text", "{business}: call {phone} or {support}");
        HttpResponse<String> tooLong = admin.htmxPost("/admin/sms/replies", "kind", "HELP", "locale", "en",
                "text", "x".repeat(481));

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("keyword is missing");
        assertThat(punctuation.statusCode()).isEqualTo(400);
        assertThat(punctuation.body()).contains("no letters or digits");
        assertThat(existing.statusCode()).isEqualTo(400);
        assertThat(existing.body()).contains("'STOP' is already in the opt-out keywords");
        assertThat(builtIn.statusCode()).isEqualTo(400);
        assertThat(builtIn.body()).contains("built-in keyword and cannot be removed");
        assertThat(placeholder.statusCode()).isEqualTo(400);
        assertThat(placeholder.body()).contains("{phone}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("maximum is 480");

        HttpResponse<String> bareHelp = admin.htmxPost("/admin/sms/replies", "kind", "HELP", "locale", "en",
                "text", "Hi there.");
        HttpResponse<String> bareOptOut = admin.htmxPost("/admin/sms/replies", "kind", "OPT_OUT", "locale", "fr",
                "text", "OK");
        HttpResponse<String> noFrequency = admin.htmxPost("/admin/sms/replies", "kind", "OPT_IN", "locale", "en",
                "text", "{business}: welcome back.");
        HttpResponse<String> noScope = admin.htmxPost("/admin/sms/settings", "business_name", "Acme",
                "support_contact", "help@example.com", "message_frequency", "Msg frequency varies", "version", "1");

        assertThat(bareHelp.statusCode()).isEqualTo(400);
        assertThat(bareHelp.body()).contains("missing {business} and {support}").contains("support contact");
        assertThat(bareOptOut.statusCode()).isEqualTo(400);
        assertThat(bareOptOut.body()).contains("missing {business}").contains("name the business");
        assertThat(noFrequency.statusCode()).isEqualTo(400);
        assertThat(noFrequency.body()).contains("missing {frequency}");
        assertThat(noScope.statusCode()).isEqualTo(400);
        assertThat(noScope.body()).contains("stop_scope").contains("missing").contains("ALL_SMS").contains("LAST_SENT_TYPE")
                .doesNotContain("'null'");
        assertThat(admin.get("/admin/sms").body()).doesNotContain("Hi there.");

        Subscriber subscriber = subscriber("Halting");
        HttpResponse<String> added = admin.htmxPost("/admin/sms/keywords", "word", " Halt! ", "kind", "OPT_OUT",
                "locale", "en");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(added.body()).contains("HALT added");
        Inbound halt = InboundSms.inbound("twilio", sms.text(subscriber.phone(), "halt"));
        HttpResponse<String> removed = admin.htmxPost("/admin/sms/keywords/remove", "word", "HALT");

        assertThat(halt.kind()).isEqualTo("OPT_OUT");
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(admin.get("/admin/sms").body()).doesNotContain("HALT");
    }
}
