package org.optline.it.smsdesk;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.optline.contacts.api.ContactChanges;
import org.optline.contacts.api.ContactRole;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.Contacts;
import org.optline.helpdesk.api.Channel;
import org.optline.helpdesk.api.ConversationState;
import org.optline.helpdesk.api.ConversationView;
import org.optline.helpdesk.api.Conversations;
import org.optline.helpdesk.api.PartKind;
import org.optline.helpdesk.api.PartView;
import org.optline.it.support.OptlineDeployment;
import org.optline.messaging.control.desk.InboundConversation;
import org.optline.messaging.control.desk.SmsConversations;
import org.optline.messaging.control.notices.NoticeKind;
import org.optline.messaging.control.notices.Notices;
import org.optline.platform.InvalidInputException;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inbound texts in the helpdesk and agent replies by SMS, through the beans inside the running app:
 * which contact and conversation a text lands in, and when a reply is queued as a text or rejected.
 * The test class runs in Payara, so it uses JUnit's own assertions, which Arquillian deploys with it.
 */
@ExtendWith(ArquillianExtension.class)
class SmsConversationsIT {

    private static final String AGENT = "agent@tests.optline.invalid";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Deployment
    static WebArchive deployment() {
        return OptlineDeployment.packagedWar();
    }

    @Inject
    SmsConversations smsConversations;

    @Inject
    Conversations conversations;

    @Inject
    Contacts contacts;

    @Inject
    Notices notices;

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Test
    void unknownNumberBecomesLead() throws SQLException {
        String number = randomMobile();

        InboundConversation first = smsConversations.addInbound(inbound(number, "Hi, is my order ready?"), number, null,
                "Hi, is my order ready?").orElseThrow();
        InboundConversation second = smsConversations.addInbound(inbound(number, "Order 1234"), number, null,
                "Order 1234").orElseThrow();

        ContactView lead = contacts.find(first.contactId()).orElseThrow();
        assertEquals(ContactRole.LEAD, lead.role());
        assertEquals(number, lead.phone());
        assertEquals(first.contactId(), second.contactId());
        assertEquals(first.conversationId(), second.conversationId());
        ConversationView conversation = conversations.find(first.conversationId()).orElseThrow();
        assertEquals(Channel.SMS, conversation.channel());
        List<PartView> parts = conversations.parts(conversation.id(), 0);
        assertEquals(List.of(first.partId(), second.partId()), parts.stream().map(PartView::id).toList());
        assertEquals(List.of(PartKind.CUSTOMER_MESSAGE, PartKind.CUSTOMER_MESSAGE),
                parts.stream().map(PartView::kind).toList());
        assertEquals("Hi, is my order ready?", parts.getFirst().body());
    }

    @Test
    void knownContactGetsItsConversation() throws SQLException {
        String number = randomMobile();
        long contact = contact(number);

        InboundConversation added = smsConversations.addInbound(inbound(number, "Hello"), number, contact, "Hello")
                .orElseThrow();

        assertEquals(contact, added.contactId());
        assertEquals(List.of(added.conversationId()),
                conversations.ofContact(contact, Channel.SMS).stream().map(ConversationView::id).toList());
        assertEquals(1, contacts.findByPhone(contacts.parsePhone("phone", number)).size());
    }

    @Test
    void closedConversationStartsNewOne() throws SQLException {
        String number = randomMobile();
        long contact = contact(number);
        InboundConversation first = smsConversations.addInbound(inbound(number, "Thanks"), number, contact, "Thanks")
                .orElseThrow();
        conversations.close(first.conversationId(), AGENT, null);

        InboundConversation next = smsConversations.addInbound(inbound(number, "One more thing"), number, contact,
                "One more thing").orElseThrow();

        assertNotEquals(first.conversationId(), next.conversationId());
        assertEquals(ConversationState.CLOSED, conversations.find(first.conversationId()).orElseThrow().state());
        assertEquals(ConversationState.OPEN, conversations.find(next.conversationId()).orElseThrow().state());
    }

    @Test
    void alphanumericSenderGetsNoConversation() throws SQLException {
        long inboundId = inbound(null, "Your code is 1234");

        Optional<InboundConversation> added = smsConversations.addInbound(inboundId, null, null, "Your code is 1234");
        Optional<InboundConversation> named = smsConversations.addInbound(inboundId, "ACME", null, "Your code is 1234");

        assertTrue(added.isEmpty());
        assertTrue(named.isEmpty());
    }

    @Test
    void replyQueuedOnceWithPartId() throws SQLException {
        String number = randomMobile();
        long contact = contact(number);
        InboundConversation inbound = smsConversations.addInbound(inbound(number, "When do you open?"), number, contact,
                "When do you open?").orElseThrow();

        PartView reply = conversations.addAgentMessage(inbound.conversationId(), AGENT, "We open at 9.");

        List<List<String>> queued = notices(number);
        assertEquals(List.of(List.of("AGENT_REPLY", String.valueOf(contact), "We open at 9.",
                String.valueOf(reply.id()))), queued);
        assertThrows(IllegalStateException.class, () -> notices.enqueue(new Notices.Notice(NoticeKind.AGENT_REPLY,
                number, contact, "We open at 9.", null, reply.id())));
        assertEquals(1, notices(number).size());
    }

    @Test
    void blockedNumberRejected() throws SQLException {
        String number = randomMobile();
        long contact = contact(number);
        InboundConversation inbound = smsConversations.addInbound(inbound(number, "Who is this?"), number, contact,
                "Who is this?").orElseThrow();
        block(number, "2025-03-14 09:26:53");

        InvalidInputException rejected = assertThrows(InvalidInputException.class,
                () -> conversations.addAgentMessage(inbound.conversationId(), AGENT, "Your order shipped."));

        assertEquals("This number texted STOP on 2025-03-14; it can be texted again after it texts START. "
                + "Your reply was not sent or stored.", rejected.getMessage());
        assertEquals(List.of(inbound.partId()),
                conversations.parts(inbound.conversationId(), 0).stream().map(PartView::id).toList());
        assertTrue(notices(number).isEmpty());
    }

    @Test
    void tooLongReplyRejected() throws SQLException {
        String number = randomMobile();
        long contact = contact(number);
        InboundConversation inbound = smsConversations.addInbound(inbound(number, "Tell me everything"), number,
                contact, "Tell me everything").orElseThrow();

        InvalidInputException rejected = assertThrows(InvalidInputException.class,
                () -> conversations.addAgentMessage(inbound.conversationId(), AGENT, "x".repeat(1_601)));
        PartView longest = conversations.addAgentMessage(inbound.conversationId(), AGENT, "y".repeat(1_600));

        assertTrue(rejected.getMessage().contains("1601 characters"), rejected.getMessage());
        assertTrue(rejected.getMessage().contains("at most 1600"), rejected.getMessage());
        assertEquals(List.of(inbound.partId(), longest.id()),
                conversations.parts(inbound.conversationId(), 0).stream().map(PartView::id).toList());
        assertEquals(1, notices(number).size());
    }

    @Test
    void contactWithoutNumberRejected() {
        long contact = contacts.create(new ContactChanges().with("name", "No phone " + UUID.randomUUID()),
                "SmsConversationsIT").id();
        ConversationView conversation = conversations.startByContact(contact, Channel.SMS);

        InvalidInputException rejected = assertThrows(InvalidInputException.class,
                () -> conversations.addAgentMessage(conversation.id(), AGENT, "Hello"));

        assertTrue(rejected.getMessage().contains("no mobile number"), rejected.getMessage());
        assertTrue(conversations.parts(conversation.id(), 0).isEmpty());
    }

    @Test
    void appRejectedInSmsConversation() {
        String number = randomMobile();
        long contact = contact(number);
        ConversationView conversation = conversations.startByContact(contact, Channel.SMS);

        assertThrows(InvalidInputException.class, () -> conversations.addApp(conversation.id(), AGENT, "optin_form", 1));

        assertTrue(conversations.parts(conversation.id(), 0).isEmpty());
    }

    /** Returns a random Japanese mobile number, so that no two tests share a number. */
    private static String randomMobile() {
        StringBuilder number = new StringBuilder("+8190").append(1 + RANDOM.nextInt(9));
        for (int i = 0; i < 7; i++) {
            number.append(RANDOM.nextInt(10));
        }
        return number.toString();
    }

    private long contact(String number) {
        return contacts.create(new ContactChanges().with("name", "Texter " + UUID.randomUUID()).with("phone", number),
                "SmsConversationsIT").id();
    }

    /** Stores an inbound message as the webhook does before anything else, and returns its id. */
    private long inbound(String number, String body) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO sms_inbound (provider, "
                     + "provider_message_id, from_raw, from_number, body, received_at, kind) "
                     + "VALUES ('generic', ?, ?, ?, ?, UTC_TIMESTAMP(6), 'MESSAGE')", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, "test-" + UUID.randomUUID());
            insert.setString(2, number == null ? "ACME" : number);
            insert.setString(3, number);
            insert.setString(4, body);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void block(String number, String blockedAt) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO sms_number_block "
                     + "(phone, source, blocked_at) VALUES (?, 'SMS_KEYWORD', ?)")) {
            insert.setString(1, number);
            insert.setString(2, blockedAt);
            insert.executeUpdate();
        }
    }

    /** Returns kind, contact, body and part of each notice to {@code number}, oldest first. */
    private List<List<String>> notices(String number) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT kind, contact_id, body, "
                     + "conversation_part_id FROM sms_notice WHERE to_number = ? ORDER BY id")) {
            select.setString(1, number);
            try (ResultSet rows = select.executeQuery()) {
                List<List<String>> notices = new ArrayList<>();
                while (rows.next()) {
                    notices.add(List.of(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                }
                return notices;
            }
        }
    }
}
