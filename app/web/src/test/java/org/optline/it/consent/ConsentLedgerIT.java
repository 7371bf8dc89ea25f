package org.optline.it.consent;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.optline.contacts.api.ContactChanges;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.Contacts;
import org.optline.it.support.OptlineDeployment;
import org.optline.subscriptions.api.ActorKind;
import org.optline.subscriptions.api.ChainVerification;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentEventView;
import org.optline.subscriptions.api.ConsentLedger;
import org.optline.subscriptions.api.ConsentOutcome;
import org.optline.subscriptions.api.ConsentRequest;
import org.optline.subscriptions.api.ConsentTransactions;
import org.optline.subscriptions.api.ConsentSource;
import org.optline.subscriptions.api.ConsentStateView;
import org.optline.subscriptions.api.ConsentType;
import org.optline.subscriptions.api.Evidence;
import org.optline.subscriptions.api.LocaleCode;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.NewSubscriptionType;
import org.optline.subscriptions.api.ShownText;
import org.optline.subscriptions.api.SubscriptionTypes;
import org.optline.subscriptions.api.Translation;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The consent ledger inside Payara against MariaDB: the rules that need a customer's own opt-out, the
 * chain under concurrent writers, and the check that finds a projection that disagrees with the events.
 * These run in the container because no customer-facing path records a customer opt-out yet.
 */
@ExtendWith(ArquillianExtension.class)
class ConsentLedgerIT {

    @Deployment
    static WebArchive deployment() {
        return OptlineDeployment.packagedWar().addClasses(ConsentLedgerIT.class, CommitConflicts.class,
                CommitConflicts.AlterBeforeCommit.class);
    }

    @Inject
    ConsentLedger ledger;

    @Inject
    Contacts contacts;

    @Inject
    SubscriptionTypes types;

    @Inject
    ConsentTransactions transactions;

    @Inject
    CommitConflicts commitConflicts;

    @Resource
    ManagedExecutorService executor;

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Test
    void customerOptOutBlocksOperatorOptIn() {
        long contact = mobileContact();
        long type = liveSmsOptInType();
        ledger.record(byCustomer(contact, type, ConsentAction.OPT_IN));
        ledger.record(byCustomer(contact, type, ConsentAction.OPT_OUT));

        ConsentOutcome byApi = ledger.record(byOperator(contact, type, ConsentAction.OPT_IN, ConsentSource.API));
        ConsentOutcome byBulk = ledger.record(byOperator(contact, type, ConsentAction.OPT_IN, ConsentSource.BULK));

        ConsentOutcome.Refused refused = assertInstanceOf(ConsentOutcome.Refused.class, byApi);
        assertEquals(ConsentOutcome.RefusalReason.OPTED_OUT_BY_CUSTOMER, refused.reason());
        assertTrue(refused.message().contains("in the preference center"), refused.message());
        assertInstanceOf(ConsentOutcome.Refused.class, byBulk);
        assertEquals(ConsentAction.OPT_OUT, ledger.states(contact).get(type).state());
        assertEquals(2, ledger.history(contact).size());
    }

    @Test
    void overrideWithReasonIsRecorded() {
        long contact = mobileContact();
        long type = liveSmsOptInType();
        ledger.record(byCustomer(contact, type, ConsentAction.OPT_OUT));
        String reason = "Customer asked on the phone to rejoin, ticket 4711";

        ConsentOutcome shortReason = ledger.record(byOperator(contact, type, ConsentAction.OPT_IN, ConsentSource.ADMIN_TOGGLE)
                .withOverride("because"));
        ConsentOutcome outcome = ledger.record(byOperator(contact, type, ConsentAction.OPT_IN, ConsentSource.ADMIN_TOGGLE)
                .withOverride(reason));

        assertInstanceOf(ConsentOutcome.Refused.class, shortReason);
        assertInstanceOf(ConsentOutcome.Changed.class, outcome);
        ConsentEventView last = ledger.history(contact).getLast();
        assertEquals(reason, last.overrideReason());
        assertEquals(ConsentAction.OPT_IN, last.action());
        assertTrue(ledger.verify(contact).intact());
    }

    @Test
    void customerMayOptInAgainThemselves() {
        long contact = mobileContact();
        long type = liveSmsOptInType();
        ledger.record(byCustomer(contact, type, ConsentAction.OPT_OUT));

        ConsentOutcome outcome = ledger.record(byCustomer(contact, type, ConsentAction.OPT_IN));

        assertInstanceOf(ConsentOutcome.Changed.class, outcome);
    }

    @Test
    void customerOptOutIsRecordedWithoutPriorOptIn() {
        long contact = mobileContact();
        long type = liveSmsOptInType();

        ConsentOutcome byCustomer = ledger.record(byCustomer(contact, type, ConsentAction.OPT_OUT));
        ConsentOutcome byOperator = ledger.record(byOperator(contact, mobileType(ConsentType.OPT_IN), ConsentAction.OPT_OUT,
                ConsentSource.API));

        assertInstanceOf(ConsentOutcome.Changed.class, byCustomer);
        assertInstanceOf(ConsentOutcome.AlreadySo.class, byOperator);
    }

    @Test
    void repeatedRequestChangesNothing() {
        long contact = mobileContact();
        long type = liveSmsOptInType();

        ConsentOutcome first = ledger.record(byOperator(contact, type, ConsentAction.OPT_IN, ConsentSource.API));
        ConsentOutcome second = ledger.record(byOperator(contact, type, ConsentAction.OPT_IN, ConsentSource.API));

        assertInstanceOf(ConsentOutcome.Changed.class, first);
        assertInstanceOf(ConsentOutcome.AlreadySo.class, second);
        assertEquals(1, ledger.history(contact).size());
    }

    @Test
    void shownTextIsStoredWithTheEvent() {
        long contact = mobileContact();
        long type = liveSmsOptInType();
        ShownText shown = new ShownText("en", "Get 10% off <b>now</b>", "Sign Up Now", "Msg &amp; data rates may apply.");
        ConsentRequest request = new ConsentRequest(contact, type, ConsentAction.OPT_IN, ConsentSource.FORM,
                ActorKind.CUSTOMER, null, new Evidence("203.0.113.9", "Mozilla/5.0 test", 42L, 43L, shown), null, null);

        ledger.record(request);

        ConsentEventView event = ledger.history(contact).getLast();
        assertEquals(shown, event.shownText());
        assertEquals("203.0.113.9", event.ipAddress());
        assertEquals(42L, event.conversationId());
        assertEquals("+12015550142", event.phone());
        assertTrue(ledger.verify(contact).intact());
    }

    @Test
    void fiftyConcurrentTogglesKeepChainComplete() throws Exception {
        long contact = mobileContact();
        long type = liveSmsOptInType();
        List<Future<ConsentOutcome>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ConsentAction action = i % 2 == 0 ? ConsentAction.OPT_IN : ConsentAction.OPT_OUT;
            results.add(executor.submit(() -> ledger.record(byOperator(contact, type, action, ConsentSource.ADMIN_TOGGLE))));
        }
        int changed = 0;
        for (Future<ConsentOutcome> result : results) {
            if (result.get() instanceof ConsentOutcome.Changed) {
                changed++;
            }
        }

        List<ConsentEventView> events = ledger.history(contact);
        ChainVerification verification = ledger.verify(contact);
        assertEquals(changed, events.size());
        assertTrue(verification.intact(), verification.problem());
        assertEquals(events.size(), verification.events());
        for (int i = 1; i < events.size(); i++) {
            assertEquals(events.get(i - 1).hash(), events.get(i).previousHash());
            assertFalse(events.get(i - 1).action() == events.get(i).action(), "two equal events in a row at " + i);
        }
        ConsentStateView state = ledger.states(contact).get(type);
        assertEquals(events.getLast().action(), state.state());
        assertEquals(events.getLast().seq(), state.eventSeq());
    }

    @Test
    void concurrentFirstOptInsOfNewContactsCommit() throws Exception {
        long type = liveSmsOptInType();
        ShownText shown = new ShownText("en", "Join our SMS deals", "Sign Up Now", null);
        List<Long> newContacts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            newContacts.add(contacts.create(new ContactChanges().with("phone", "+1201555" + String.format("%04d", 1000 + i))
                    .with("email", unique("first")), "test").id());
        }
        List<Future<ConsentOutcome>> results = new ArrayList<>();
        for (long contact : newContacts) {
            ConsentRequest request = new ConsentRequest(contact, type, ConsentAction.OPT_IN, ConsentSource.FORM,
                    ActorKind.CUSTOMER, null, new Evidence("203.0.113.9", "Mozilla/5.0 test", null, null, shown), null, null);
            // Inside a caller's transaction, as the opt-in form calls it, the ledger does not retry a deadlock.
            results.add(executor.submit(() -> transactions.run(() -> ledger.record(request))));
        }

        for (Future<ConsentOutcome> result : results) {
            assertInstanceOf(ConsentOutcome.Changed.class, result.get());
        }
        for (long contact : newContacts) {
            assertEquals(1, ledger.history(contact).size());
            assertEquals(shown, ledger.history(contact).getFirst().shownText());
            assertTrue(ledger.verify(contact).intact());
        }
    }

    @Test
    void conflictAtCommitIsRetried() throws SQLException {
        assumeTrue(commitConflicts.onGalera(), "only a Galera node aborts a transaction for a conflicting DDL");
        long contact = mobileContact();
        long type = liveDoubleOptInType();
        commitConflicts.armNext();

        ConsentOutcome outcome = ledger.record(byOperator(contact, type, ConsentAction.OPT_IN, ConsentSource.API));

        assertInstanceOf(ConsentOutcome.Pending.class, outcome);
        assertEquals(2, commitConflicts.confirmations(), "one failed attempt and one that committed");
        assertEquals(1, pendingOptIns(contact, type));
    }

    @Test
    void verificationFindsAlteredProjection() throws SQLException {
        long contact = mobileContact();
        long type = liveSmsOptInType();
        ledger.record(byOperator(contact, type, ConsentAction.OPT_IN, ConsentSource.API));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE consent_state SET state = 'OPT_OUT' WHERE contact_id = ? AND subscription_type_id = ?")) {
            update.setLong(1, contact);
            update.setLong(2, type);
            update.executeUpdate();
        }

        ChainVerification verification = ledger.verify(contact);

        assertFalse(verification.intact());
        assertTrue(verification.problem().contains("disagrees with its latest event"), verification.problem());
    }

    @Test
    void eventsCannotBeAlteredInTheDatabase() {
        long contact = mobileContact();
        long type = liveSmsOptInType();
        ledger.record(byOperator(contact, type, ConsentAction.OPT_IN, ConsentSource.API));

        SQLException update = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                () -> execute("UPDATE consent_event SET action = 'OPT_OUT' WHERE contact_id = " + contact));
        SQLException delete = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                () -> execute("DELETE FROM consent_event WHERE contact_id = " + contact));

        assertTrue(update.getMessage().contains("append-only"), update.getMessage());
        assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
        assertTrue(ledger.verify(contact).intact());
    }

    @Test
    void landlineCannotOptInToSms() {
        ContactView landline = contacts.create(new ContactChanges().with("phone", "+44 20 7946 0958")
                .with("email", unique("landline")), "test");

        ConsentOutcome outcome = ledger.record(byOperator(landline.id(), liveSmsOptInType(), ConsentAction.OPT_IN,
                ConsentSource.API));

        ConsentOutcome.Refused refused = assertInstanceOf(ConsentOutcome.Refused.class, outcome);
        assertEquals(ConsentOutcome.RefusalReason.NOT_SMS_CAPABLE, refused.reason());
        assertNull(ledger.states(landline.id()).get(refused.contactId()));
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    private long mobileContact() {
        return contacts.create(new ContactChanges().with("phone", "(201) 555-0142").with("email", unique("ledger")), "test").id();
    }

    private long liveSmsOptInType() {
        return mobileType(ConsentType.OPT_IN);
    }

    private long liveDoubleOptInType() {
        LocaleCode en = new LocaleCode("en");
        long id = types.create(new NewSubscriptionType(MessageType.SMS, ConsentType.OPT_IN, en,
                List.of(new Translation(en, "Ledger double " + UUID.randomUUID(), "")), true), "test").id();
        types.putLive(id, null, "test");
        return id;
    }

    private long pendingOptIns(long contact, long type) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT COUNT(*) FROM consent_pending WHERE contact_id = ? AND subscription_type_id = ?")) {
            select.setLong(1, contact);
            select.setLong(2, type);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private long mobileType(ConsentType consentType) {
        LocaleCode en = new LocaleCode("en");
        long id = types.create(new NewSubscriptionType(MessageType.SMS, consentType, en,
                List.of(new Translation(en, "Ledger " + UUID.randomUUID(), ""))), "test").id();
        types.putLive(id, null, "test");
        return id;
    }

    private static ConsentRequest byCustomer(long contact, long type, ConsentAction action) {
        return new ConsentRequest(contact, type, action, ConsentSource.PREFERENCE_CENTER, ActorKind.CUSTOMER, null,
                Evidence.ofRequest("198.51.100.7", "Mozilla/5.0"), null, null);
    }

    private static ConsentRequest byOperator(long contact, long type, ConsentAction action, ConsentSource source) {
        return ConsentRequest.byOperator(contact, type, action, source, ActorKind.ADMIN, "admin@example.com", Evidence.NONE);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@example.com";
    }
}
