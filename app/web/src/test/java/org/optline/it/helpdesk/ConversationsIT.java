package org.optline.it.helpdesk;

import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.optline.contacts.api.ContactChanges;
import org.optline.contacts.api.ContactNotFoundException;
import org.optline.contacts.api.Contacts;
import org.optline.helpdesk.api.Channel;
import org.optline.helpdesk.api.ConversationNotFoundException;
import org.optline.helpdesk.api.ConversationState;
import org.optline.helpdesk.api.ConversationView;
import org.optline.helpdesk.api.Conversations;
import org.optline.helpdesk.api.PartKind;
import org.optline.helpdesk.api.PartView;
import org.optline.helpdesk.api.StaleConversationException;
import org.optline.it.support.OptlineDeployment;

import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@link Conversations} bean inside the running app, for the rules that no page or endpoint can
 * reach, such as a customer message sent to another contact's conversation. The test class runs in
 * Payara, so it uses JUnit's own assertions, which Arquillian deploys with it.
 */
@ExtendWith(ArquillianExtension.class)
class ConversationsIT {

    @Deployment
    static WebArchive deployment() {
        return OptlineDeployment.packagedWar();
    }

    @Inject
    Conversations conversations;

    @Inject
    Contacts contacts;

    @Test
    void customerMessageToOtherContactRejected() {
        long ann = contact("Ann");
        long bob = contact("Bob");
        ConversationView annsConversation = conversations.startByContact(ann, Channel.MESSENGER);

        assertThrows(ConversationNotFoundException.class,
                () -> conversations.addCustomerMessage(annsConversation.id(), bob, "Let me in"));

        assertTrue(conversations.parts(annsConversation.id(), 0).isEmpty());
    }

    @Test
    void customerMessageReopensAndLogsEvent() {
        long ann = contact("Ann");
        ConversationView conversation = conversations.startByContact(ann, Channel.SMS);
        ConversationView closed = conversations.close(conversation.id(), "agent@tests.optline.invalid", conversation.version());

        PartView message = conversations.addCustomerMessage(conversation.id(), ann, "Hello again");

        assertEquals(ConversationState.CLOSED, closed.state());
        assertEquals(ConversationState.OPEN, conversations.find(conversation.id()).orElseThrow().state());
        List<PartKind> kinds = conversations.parts(conversation.id(), 0).stream().map(PartView::kind).toList();
        assertEquals(List.of(PartKind.EVENT, PartKind.EVENT, PartKind.CUSTOMER_MESSAGE), kinds);
        assertEquals(message, conversations.part(message.id()).orElseThrow());
    }

    @Test
    void staleVersionRejectedAndNothingChanged() {
        long ann = contact("Ann");
        ConversationView conversation = conversations.startByContact(ann, Channel.MESSENGER);
        conversations.addCustomerMessage(conversation.id(), ann, "Hello");

        assertThrows(StaleConversationException.class,
                () -> conversations.close(conversation.id(), "agent@tests.optline.invalid", conversation.version()));

        assertEquals(ConversationState.OPEN, conversations.find(conversation.id()).orElseThrow().state());
        assertEquals(1, conversations.parts(conversation.id(), 0).size());
    }

    @Test
    void unknownContactAndConversationRejected() {
        assertThrows(ContactNotFoundException.class, () -> conversations.startByContact(999_999_999L, Channel.SMS));
        assertThrows(ConversationNotFoundException.class,
                () -> conversations.addAgentMessage(999_999_999L, "agent@tests.optline.invalid", "Hello"));
        assertThrows(ConversationNotFoundException.class, () -> conversations.parts(999_999_999L, 0));
    }

    @Test
    void appPartKeepsTypeAndReference() {
        long ann = contact("Ann");
        ConversationView conversation = conversations.startByAgent(ann, Channel.MESSENGER, "agent@tests.optline.invalid");

        PartView app = conversations.addApp(conversation.id(), "agent@tests.optline.invalid", "survey", 42);
        PartView event = conversations.addEvent(conversation.id(), "Ann answered the survey");

        assertEquals(PartKind.APP, app.kind());
        assertEquals("survey", app.appType());
        assertEquals(42L, app.appRef());
        assertEquals(null, app.body());
        assertEquals(List.of(event), conversations.parts(conversation.id(), app.id()));
        assertEquals(List.of(conversation.id()),
                conversations.ofContact(ann, Channel.MESSENGER).stream().map(ConversationView::id).toList());
    }

    @Test
    void eventLineMovesVersionAndNamesOwner() {
        long ann = contact("Ann");
        ConversationView conversation = conversations.startByContact(ann, Channel.MESSENGER);

        PartView event = conversations.addEvent(conversation.id(), "Ann opted in");

        assertEquals(PartKind.EVENT, event.kind());
        assertEquals(List.of(event), conversations.parts(conversation.id(), 0));
        assertTrue(conversations.find(conversation.id()).orElseThrow().version() > conversation.version());
        assertThrows(StaleConversationException.class,
                () -> conversations.close(conversation.id(), "agent@tests.optline.invalid", conversation.version()));
        assertThrows(ConversationNotFoundException.class, () -> conversations.addEvent(999_999_999L, "Nobody"));
        assertEquals(OptionalLong.of(ann), conversations.contactOf(conversation.id()));
        assertEquals(OptionalLong.empty(), conversations.contactOf(999_999_999L));
    }

    private long contact(String name) {
        return contacts.create(new ContactChanges().with("name", name + " " + UUID.randomUUID()), "ConversationsIT").id();
    }
}
