package org.optline.messaging.control.carrier;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.Contacts;
import org.optline.contacts.api.PhoneNumber;
import org.optline.subscriptions.api.ActorKind;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentLedger;
import org.optline.subscriptions.api.ConsentOutcome;
import org.optline.subscriptions.api.ConsentRequest;
import org.optline.subscriptions.api.ConsentSource;
import org.optline.subscriptions.api.Evidence;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.SubscriptionTypes;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Records a provider's report that a number opted out at the carrier, such as Twilio's error 21610
 * after the customer texted STOP to the sender. Every contact with the number gets an opt-out (source
 * and actor CARRIER) of every live SMS subscription type, and the number is blocked (source CARRIER)
 * until the customer texts START. The provider refuses texts to the number until then, so
 * the opt-outs record what already holds.
 */
@ApplicationScoped
public class CarrierOptOuts {

    private static final Logger LOG = Logger.getLogger(CarrierOptOuts.class.getName());

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    Contacts contacts;

    @Inject
    SubscriptionTypes types;

    @Inject
    ConsentLedger ledger;

    @Inject
    Clock clock;

    /**
     * Records the opt-outs and the block in one transaction and returns the opt-outs' outcomes. A repeated
     * report records no second event, because the contacts' states are opted out already.
     *
     * @param e164      the number, in E.164 form
     * @param reference what reported it, for the log, such as {@code SMS send 4, message SM…}
     */
    @Transactional
    public List<ConsentOutcome> record(String e164, String reference) {
        List<ContactView> owners = contacts.findByPhone(contacts.parsePhone("phone", e164));
        List<SubscriptionTypeView> live = types.live(MessageType.SMS);
        List<ConsentRequest> requests = new ArrayList<>();
        for (ContactView contact : owners) {
            for (SubscriptionTypeView type : live) {
                requests.add(new ConsentRequest(contact.id(), type.id(), ConsentAction.OPT_OUT, ConsentSource.CARRIER,
                        ActorKind.CARRIER, null, Evidence.NONE, null, null));
            }
        }
        List<ConsentOutcome> outcomes = ledger.recordAll(requests);
        block(e164);
        long changed = outcomes.stream().filter(ConsentOutcome.Changed.class::isInstance).count();
        LOG.info(() -> "Carrier opt-out of " + PhoneNumber.mask(e164) + " reported by " + reference + ": " + changed
                + " opt-out event(s) recorded for contact(s) " + owners.stream().map(ContactView::id).toList()
                + ", number blocked");
        return outcomes;
    }

    /** Blocks the number with source CARRIER, keeping an existing block and its source as they are. */
    private void block(String e164) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO sms_number_block (phone, source, "
                     + "inbound_id, blocked_at) VALUES (?, 'CARRIER', NULL, ?) ON DUPLICATE KEY UPDATE phone = phone")) {
            insert.setString(1, e164);
            insert.setTimestamp(2, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Blocking a number after a carrier opt-out failed: " + e.getMessage(), e);
        }
    }
}
