package org.optline.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.Contacts;
import org.optline.contacts.api.PhoneNumber;
import org.optline.messaging.api.PhoneTimeZones;
import org.optline.messaging.api.SmsGateway;
import org.optline.messaging.api.SmsGatewayException;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentLedger;
import org.optline.subscriptions.api.ConsentStateView;
import org.optline.subscriptions.api.ConsentType;
import org.optline.subscriptions.api.ContactConsents;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.PreferenceLinks;
import org.optline.subscriptions.api.State;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.SubscriptionTypes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Decides and sends the message of one claimed recipient. It checks the subscription type and the
 * contact's consent as they are now and holds the message during the recipient's quiet hours. Then it
 * renders the message with the opt-out text and preference link, and calls the gateway.
 */
@ApplicationScoped
public class Delivery {

    @Inject
    Contacts contacts;

    @Inject
    ConsentLedger ledger;

    @Inject
    SubscriptionTypes types;

    @Inject
    PreferenceLinks links;

    @Inject
    OptOutTexts optOutTexts;

    @Inject
    SmsGateway gateway;

    @Inject
    PhoneTimeZones phoneTimeZones;

    @Inject
    @ConfigProperty(name = "optline.public.url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "optline.sms.quiet-hours.start", defaultValue = "21:00")
    String quietStart;

    @Inject
    @ConfigProperty(name = "optline.sms.quiet-hours.end", defaultValue = "08:00")
    String quietEnd;

    @Inject
    @ConfigProperty(name = "optline.sms.default-time-zone", defaultValue = "UTC")
    String defaultTimeZone;

    /** The result of delivering to one recipient, as stored in its row. */
    public record Outcome(String state, RecipientReason reason, String detail, Instant notBefore, int attempts,
                          String providerMessageId, String maskedPhone) {

        static Outcome skipped(RecipientReason reason, int attempts) {
            return new Outcome("SKIPPED", reason, null, null, attempts, null, null);
        }
    }

    public Outcome deliver(RecipientClaims.Claimed recipient, SendView send, Instant now) {
        Optional<SubscriptionTypeView> type = types.find(send.subscriptionTypeId());
        if (type.isEmpty() || type.get().state() != State.LIVE || type.get().messageType() != MessageType.SMS) {
            return Outcome.skipped(RecipientReason.TYPE_NOT_LIVE, recipient.attempts());
        }
        Optional<ContactView> found = contacts.find(recipient.contactId());
        if (found.isEmpty()) {
            return Outcome.skipped(RecipientReason.CONTACT_DELETED, recipient.attempts());
        }
        ContactView contact = found.get();
        if (contact.phone() == null) {
            return Outcome.skipped(RecipientReason.NO_PHONE, recipient.attempts());
        }
        if (!contact.smsCapable()) {
            return Outcome.skipped(RecipientReason.NOT_MOBILE, recipient.attempts());
        }
        Optional<RecipientReason> refusal = refusal(type.get(), contact);
        if (refusal.isPresent()) {
            return Outcome.skipped(refusal.get(), recipient.attempts());
        }
        String masked = PhoneNumber.mask(contact.phone());
        Instant allowed = allowedFrom(now, zonesOf(contact.phone()));
        if (allowed.isAfter(now)) {
            return new Outcome("HELD", RecipientReason.QUIET_HOURS, "until " + allowed, allowed, recipient.attempts(), null,
                    masked);
        }
        if (recipient.inDoubt() && !gateway.deduplicates()) {
            return new Outcome("FAILED", RecipientReason.UNKNOWN_OUTCOME, "The instance sending this message stopped "
                    + "during the gateway call; check the provider's message log for this recipient.", null,
                    recipient.attempts(), null, masked);
        }
        String text = compose(send.body(), contact, type.get());
        int attempts = recipient.attempts() + 1;
        try {
            String id = gateway.send(contact.phone(), text, recipient.idempotencyKey());
            return new Outcome("SENT", null, null, null, attempts, id, masked);
        } catch (SmsGatewayException e) {
            Optional<Duration> delay = e.retryable() ? Backoff.after(attempts) : Optional.empty();
            if (delay.isPresent()) {
                return new Outcome("PENDING", RecipientReason.GATEWAY_ERROR, e.getMessage(), now.plus(delay.get()),
                        attempts, null, masked);
            }
            return new Outcome("FAILED", e.retryable() ? RecipientReason.GATEWAY_ERROR : RecipientReason.GATEWAY_REJECTED,
                    e.getMessage(), null, attempts, null, masked);
        }
    }

    /**
     * Returns why the contact may not be texted under the type now, from the ledger's current state: an
     * opt-out always excludes, and an opt-in type needs an opt-in for the contact's current number.
     */
    private Optional<RecipientReason> refusal(SubscriptionTypeView type, ContactView contact) {
        Optional<ContactConsents> consents = ledger.consentsOf(contact.id());
        ConsentStateView state = consents.map(c -> c.states().get(type.id())).orElse(null);
        if (state != null && state.state() == ConsentAction.OPT_OUT) {
            return Optional.of(RecipientReason.OPTED_OUT);
        }
        if (type.consentType() == ConsentType.OPT_IN && (state == null || state.state() != ConsentAction.OPT_IN
                || state.phone() != null && !state.phone().equals(contact.phone()))) {
            return Optional.of(RecipientReason.NOT_OPTED_IN);
        }
        return Optional.empty();
    }

    /** Renders the body for a contact and appends the opt-out text and the personal preference link. */
    public String compose(String body, ContactView contact, SubscriptionTypeView type) {
        String text = MessageTemplate.parse(body).render(new ContactAttributes(contact));
        return text + "\n" + optOutTexts.textFor(type.id(), contact.locale()) + " " + link(contact.id());
    }

    public String link(long contactId) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + links.pathFor(contactId);
    }

    public String publicUrl() {
        return publicUrl;
    }

    public QuietHours quietHours() {
        return new QuietHours(LocalTime.parse(quietStart.strip()), LocalTime.parse(quietEnd.strip()));
    }

    /** Returns when quiet hours allow the message; zones without a common allowed time fall back to the first. */
    private Instant allowedFrom(Instant now, List<ZoneId> zones) {
        try {
            return quietHours().nextAllowed(now, zones);
        } catch (IllegalStateException e) {
            return quietHours().nextAllowed(now, List.of(zones.getFirst()));
        }
    }

    private List<ZoneId> zonesOf(String phone) {
        List<ZoneId> zones = phoneTimeZones.zonesOf(phone);
        return zones.isEmpty() ? List.of(ZoneId.of(defaultTimeZone)) : zones;
    }
}
