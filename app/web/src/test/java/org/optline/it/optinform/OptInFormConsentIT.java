package org.optline.it.optinform;

import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.optline.contacts.api.ContactChanges;
import org.optline.contacts.api.ContactNotFoundException;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.Contacts;
import org.optline.contacts.api.PhoneNumber;
import org.optline.helpdesk.api.Channel;
import org.optline.helpdesk.api.ConversationView;
import org.optline.helpdesk.api.Conversations;
import org.optline.it.support.OptlineDeployment;
import org.optline.optinform.control.FormContent;
import org.optline.optinform.control.FormInputException;
import org.optline.optinform.control.FormNotFoundException;
import org.optline.optinform.control.FormProblem;
import org.optline.optinform.control.FormSubmissions;
import org.optline.optinform.control.OptInForms;
import org.optline.optinform.control.SubmissionRequest;
import org.optline.platform.ConflictException;
import org.optline.subscriptions.api.ActorKind;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentEventView;
import org.optline.subscriptions.api.ConsentLedger;
import org.optline.subscriptions.api.ConsentRequest;
import org.optline.subscriptions.api.ConsentSource;
import org.optline.subscriptions.api.ConsentType;
import org.optline.subscriptions.api.Evidence;
import org.optline.subscriptions.api.LocaleCode;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.NewSubscriptionType;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.SubscriptionTypes;
import org.optline.subscriptions.api.Translation;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The opt-in form's consent rules inside Payara against MariaDB: a customer who opted out themselves
 * may opt in again through the form, and a refused opt-in stores neither the event nor the new number.
 * These run in the container because no customer-facing path records a customer's own opt-out yet.
 */
@ExtendWith(ArquillianExtension.class)
class OptInFormConsentIT {

    @Deployment
    static WebArchive deployment() {
        return OptlineDeployment.packagedWar().addClass(OptInFormConsentIT.class);
    }

    @Inject
    OptInForms forms;

    @Inject
    FormSubmissions submissions;

    @Inject
    ConsentLedger ledger;

    @Inject
    Contacts contacts;

    @Inject
    SubscriptionTypes types;

    @Inject
    Conversations conversations;

    @Test
    void customerOptedOutMayOptInAgain() {
        long contact = contact("+447400123456");
        SubscriptionTypeView type = liveSmsType();
        ledger.record(new ConsentRequest(contact, type.id(), ConsentAction.OPT_OUT, ConsentSource.PREFERENCE_CENTER,
                ActorKind.CUSTOMER, null, Evidence.NONE, null, null));
        long formId = insertForm(contact, type);

        submissions.submit(new SubmissionRequest(formId, contact, key(), null, "127.0.0.1", "test", "en", "Sign Up Now"));

        ConsentEventView last = ledger.history(contact).getLast();
        assertEquals(ConsentAction.OPT_IN, last.action());
        assertEquals(ConsentSource.FORM, last.source());
        assertEquals(ActorKind.CUSTOMER, last.actorKind());
        assertEquals(ConsentAction.OPT_IN, ledger.states(contact).get(type.id()).state());
    }

    @Test
    void refusedOptInStoresNoNumber() {
        long contact = contact(null);
        SubscriptionTypeView type = liveSmsType();
        long formId = insertForm(contact, type);
        types.archive(type.id(), null, "test");

        FormInputException refused = assertThrows(FormInputException.class, () -> submissions.submit(
                new SubmissionRequest(formId, contact, key(), "+447400123456", "127.0.0.1", "test", "en", "Sign Up Now")));

        assertEquals(FormProblem.NOT_AVAILABLE, refused.problem());
        assertNull(contacts.find(contact).orElseThrow().phone());
        assertTrue(ledger.history(contact).isEmpty());
        assertTrue(forms.find(formId).orElseThrow().submission().isEmpty());
    }

    @Test
    void numberChangedAfterTheCheckIsNotOverwritten() {
        long contact = contact(null);
        SubscriptionTypeView type = liveSmsType();
        long formId = insertForm(contact, type);
        ContactView checked = contacts.find(contact).orElseThrow();
        contacts.update(contact, new ContactChanges().with("phone", "+447400123456"), null, "test");

        assertThrows(ConflictException.class, () -> submissions.submit(new SubmissionRequest(formId, contact, key(),
                "+447400654321", "127.0.0.1", "test", "en", "Sign Up Now"), checked));

        assertEquals("+447400123456", contacts.find(contact).orElseThrow().phone());
        assertTrue(ledger.history(contact).isEmpty());
        assertTrue(forms.find(formId).orElseThrow().submission().isEmpty());
    }

    @Test
    void changedSavedNumberConflicts() {
        long contact = contact("+447400123456");
        SubscriptionTypeView type = liveSmsType();
        long formId = insertForm(contact, type);
        ContactView checked = contacts.find(contact).orElseThrow();
        contacts.update(contact, new ContactChanges().with("phone", "+447400654321"), null, "test");

        assertThrows(ConflictException.class, () -> submissions.submit(new SubmissionRequest(formId, contact, key(),
                null, "127.0.0.1", "test", "en", "Sign Up Now"), checked));

        assertEquals(List.of(), ledger.history(contact));
        assertTrue(forms.find(formId).orElseThrow().submission().isEmpty());
        assertEquals("+447400654321", contacts.find(contact).orElseThrow().phone());
    }

    @Test
    void sameNumberTypedInTwoForms() {
        long contact = contact(null);
        SubscriptionTypeView deals = liveSmsType();
        SubscriptionTypeView news = liveSmsType();
        long first = insertForm(contact, deals);
        long second = insertForm(contact, news);
        ContactView checked = contacts.find(contact).orElseThrow();

        submissions.submit(new SubmissionRequest(first, contact, key(), "+447400123456", "127.0.0.1", "test", "en",
                "Sign Up Now"), checked);
        submissions.submit(new SubmissionRequest(second, contact, key(), "+447400123456", "192.0.2.7", "Browser/2",
                "en", "Sign Up Now"), checked);

        List<ConsentEventView> events = ledger.history(contact);
        assertEquals(2, events.size());
        ConsentEventView last = events.getLast();
        assertEquals(news.id(), last.subscriptionTypeId());
        assertEquals("+447400123456", last.phone());
        assertEquals("192.0.2.7", last.ipAddress());
        assertEquals("Browser/2", last.userAgent());
        assertEquals(forms.find(second).orElseThrow().conversationId(), last.conversationId());
        assertEquals(forms.find(second).orElseThrow().partId(), last.messageId());
        assertEquals("Deals", last.shownText().title());
        assertEquals("<p>Reply STOP to end.</p>", last.shownText().legalText());
        assertEquals("+447400123456", forms.find(second).orElseThrow().submission().orElseThrow().phone());
        assertEquals("+447400123456", contacts.find(contact).orElseThrow().phone());
    }

    @Test
    void deletedContactFindsNoForm() {
        long withNumber = contact("+447400123456");
        long withoutNumber = contact(null);
        long emailOnly = contact(null);
        long savedNumberForm = insertForm(withNumber, liveSmsType());
        long typedNumberForm = insertForm(withoutNumber, liveSmsType());
        long emailForm = insertForm(emailOnly, liveType(MessageType.EMAIL));
        List<ContactView> checked = List.of(withNumber, withoutNumber, emailOnly).stream()
                .map(id -> contacts.find(id).orElseThrow()).toList();
        checked.forEach(contact -> contacts.delete(contact.id(), "test"));

        assertThrows(FormNotFoundException.class, () -> submissions.submit(new SubmissionRequest(savedNumberForm,
                withNumber, key(), null, "127.0.0.1", "test", "en", "Sign Up Now"), checked.get(0)));
        assertThrows(FormNotFoundException.class, () -> submissions.submit(new SubmissionRequest(typedNumberForm,
                withoutNumber, key(), "+447400654321", "127.0.0.1", "test", "en", "Sign Up Now"), checked.get(1)));
        assertThrows(FormNotFoundException.class, () -> submissions.submit(new SubmissionRequest(emailForm,
                emailOnly, key(), null, "127.0.0.1", "test", "en", "Sign Up Now"), checked.get(2)));

        assertEquals(List.of(), ledger.history(withNumber));
        assertEquals(List.of(), ledger.history(withoutNumber));
        assertEquals(List.of(), ledger.history(emailOnly));
    }

    @Test
    void newNumberChangesOnlyAnExistingContact() {
        long contact = contact(null);
        long version = contacts.find(contact).orElseThrow().version();
        PhoneNumber number = contacts.parsePhone("phone", "+447400123456");

        contacts.changePhone(contact, null, number, "test");
        ContactView changed = contacts.find(contact).orElseThrow();
        contacts.delete(contact, "test");

        assertEquals("+447400123456", changed.phone());
        assertEquals(number.lineType(), changed.lineType());
        assertEquals(version + 1, changed.version());
        assertThrows(ContactNotFoundException.class, () -> contacts.changePhone(contact, "+447400123456",
                contacts.parsePhone("phone", "+447400654321"), "test"));
        assertThrows(ContactNotFoundException.class, () -> contacts.changePhone(999_999_999L, null, number, "test"));
    }

    @Test
    void sameTextsShareOneVersion() {
        long contact = contact(null);
        SubscriptionTypeView type = liveSmsType();

        long first = insertForm(contact, type);
        long second = insertForm(contact, type);

        assertEquals(forms.find(first).orElseThrow().versionId(), forms.find(second).orElseThrow().versionId());
    }

    private long contact(String phone) {
        ContactChanges changes = new ContactChanges().with("role", "user").with("name", "Form " + key());
        if (phone != null) {
            changes.with("phone", phone);
        }
        return contacts.create(changes, "test").id();
    }

    private SubscriptionTypeView liveSmsType() {
        return liveType(MessageType.SMS);
    }

    private SubscriptionTypeView liveType(MessageType messageType) {
        LocaleCode en = new LocaleCode("en");
        SubscriptionTypeView type = types.create(new NewSubscriptionType(messageType, ConsentType.OPT_IN, en,
                List.of(new Translation(en, "Form consent " + key(), ""))), "test");
        return types.putLive(type.id(), null, "test");
    }

    private long insertForm(long contact, SubscriptionTypeView type) {
        ConversationView conversation = conversations.startByContact(contact, Channel.MESSENGER);
        long partRef = forms.insert(type, FormContent.typed("Deals", "", "<p>Reply STOP to end.</p>"),
                List.of(conversation.id()), "agent@example.com", key()).getFirst().appRef();
        return partRef;
    }

    private static String key() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
