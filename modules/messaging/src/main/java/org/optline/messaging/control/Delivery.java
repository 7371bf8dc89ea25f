package org.optline.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.PreferenceLinks;
import org.optline.subscriptions.api.State;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.SubscriptionTypes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides and sends the messages of claimed recipients. It checks the subscription type and the
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
    NumberBlocks numberBlocks;

    @Inject
    SendNumbers sendNumbers;

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

    /**
     * The result of delivering to one recipient, as stored in its row.
     *
     * @param gatewayCode the provider's error code when the gateway rejected the message, such as
     *                    {@link TwilioGateway#OPTED_OUT}, else null
     */
    public record Outcome(String state, RecipientReason reason, String detail, Instant notBefore, int attempts,
                          String providerMessageId, String maskedPhone, String gatewayCode) {

        Outcome(String state, RecipientReason reason, String detail, Instant notBefore, int attempts,
                String providerMessageId, String maskedPhone) {
            this(state, reason, detail, notBefore, attempts, providerMessageId, maskedPhone, null);
        }

        static Outcome skipped(RecipientReason reason, int attempts) {
            return skipped(reason, attempts, null);
        }

        /** @param maskedPhone the contact's number as it is now, masked, or null when it has none */
        static Outcome skipped(RecipientReason reason, int attempts, String maskedPhone) {
            return new Outcome("SKIPPED", reason, null, null, attempts, null, maskedPhone);
        }

        /** Returns whether the provider refused the message because the number opted out at the carrier. */
        public boolean carrierOptOut() {
            return TwilioGateway.OPTED_OUT.equals(gatewayCode);
        }
    }

    /**
     * A recipient's message ready for the gateway, or the outcome that replaces sending it.
     *
     * @param outcome the final or waiting outcome when nothing is to be sent now, else null
     */
    public record Prepared(Outcome outcome, String phone, String text, String maskedPhone) {

        static Prepared instead(Outcome outcome) {
            return new Prepared(outcome, null, null, outcome.maskedPhone());
        }
    }

    /**
     * Checks, for each recipient of one send, the type, the contact, its consent and quiet hours as they
     * are now, and renders the message. Returns one result per recipient, in order. It runs in a
     * transaction of its own, so that the preference links and number claims commit together before
     * any gateway call. The type is read once, so the whole batch is checked against one state of it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Prepared> prepareAll(List<RecipientClaims.Claimed> recipients, SendView send, Instant now) {
        Optional<SubscriptionTypeView> found = types.find(send.subscriptionTypeId());
        if (found.isEmpty() || found.get().state() != State.LIVE || found.get().messageType() != MessageType.SMS) {
            return recipients.stream()
                    .map(recipient -> Prepared.instead(Outcome.skipped(RecipientReason.TYPE_NOT_LIVE, recipient.attempts())))
                    .toList();
        }
        SubscriptionTypeView type = found.get();
        List<Long> ids = recipients.stream().map(RecipientClaims.Claimed::contactId).toList();
        Map<Long, ContactView> contactsById = contacts.findAll(ids);
        Set<String> blocked = numberBlocks.blockedAmong(contactsById.values().stream().map(ContactView::phone)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<Long, ConsentStateView> states = ledger.statesFor(type.id(), ids);
        Prepared[] prepared = new Prepared[recipients.size()];
        Map<Long, String> numbers = new LinkedHashMap<>();
        for (int i = 0; i < recipients.size(); i++) {
            RecipientClaims.Claimed recipient = recipients.get(i);
            ContactView contact = contactsById.get(recipient.contactId());
            prepared[i] = check(recipient, contact, type, blocked, states.get(recipient.contactId()), now);
            if (prepared[i] == null) {
                numbers.put(contact.id(), contact.phone());
            }
        }
        // A recipient that claimed the number earlier keeps it; among this batch, the lowest contact id takes it.
        Set<Long> holders = sendNumbers.claimAll(send.id(), numbers);
        Map<Long, String> paths = links.pathsFor(numbers.keySet().stream().filter(holders::contains).toList());
        MessageTemplate template = MessageTemplate.parse(send.body());
        Map<String, String> optOutByLocale = new HashMap<>();
        for (int i = 0; i < recipients.size(); i++) {
            if (prepared[i] != null) {
                continue;
            }
            RecipientClaims.Claimed recipient = recipients.get(i);
            ContactView contact = contactsById.get(recipient.contactId());
            if (holders.contains(contact.id())) {
                String optOut = optOutByLocale.computeIfAbsent(Objects.toString(contact.locale(), ""),
                        locale -> optOutTexts.textFor(type.id(), locale));
                prepared[i] = new Prepared(null, contact.phone(), render(template, contact, optOut, paths.get(contact.id())),
                        PhoneNumber.mask(contact.phone()));
            } else {
                prepared[i] = Prepared.instead(Outcome.skipped(RecipientReason.DUPLICATE_NUMBER, recipient.attempts(),
                        PhoneNumber.mask(contact.phone())));
            }
        }
        return List.of(prepared);
    }

    /**
     * Returns what replaces the message of a recipient under a live SMS type, or null when it is to be
     * sent as far as the contact, its number, its consent, quiet hours and an earlier attempt tell.
     *
     * @param contact the contact, or null when it was deleted
     * @param state   the contact's explicit state for the type, or null when it has none
     */
    private Prepared check(RecipientClaims.Claimed recipient, ContactView contact, SubscriptionTypeView type,
                           Set<String> blocked, ConsentStateView state, Instant now) {
        if (contact == null) {
            return Prepared.instead(Outcome.skipped(RecipientReason.CONTACT_DELETED, recipient.attempts()));
        }
        if (contact.phone() == null) {
            return Prepared.instead(Outcome.skipped(RecipientReason.NO_PHONE, recipient.attempts()));
        }
        String masked = PhoneNumber.mask(contact.phone());
        if (!contact.smsCapable()) {
            return Prepared.instead(Outcome.skipped(RecipientReason.NOT_MOBILE, recipient.attempts(), masked));
        }
        if (blocked.contains(contact.phone())) {
            // The number itself said STOP, perhaps before this contact had it; no consent of the contact overrides that.
            return Prepared.instead(Outcome.skipped(RecipientReason.NUMBER_BLOCKED, recipient.attempts(), masked));
        }
        Optional<RecipientReason> refusal = refusal(type, contact, state);
        if (refusal.isPresent()) {
            return Prepared.instead(Outcome.skipped(refusal.get(), recipient.attempts(), masked));
        }
        Instant allowed = allowedFrom(now, zonesOf(contact.phone()));
        if (allowed.isAfter(now)) {
            return Prepared.instead(new Outcome("HELD", RecipientReason.QUIET_HOURS, "until " + allowed, allowed,
                    recipient.attempts(), null, masked));
        }
        if (recipient.inDoubt() && !gateway.deduplicates()) {
            return Prepared.instead(new Outcome("FAILED", RecipientReason.UNKNOWN_OUTCOME, "The instance sending this "
                    + "message stopped during the gateway call; check the provider's message log for this recipient.",
                    null, recipient.attempts(), null, masked));
        }
        return null;
    }

    /**
     * Sends a prepared message through the gateway, outside any transaction, and returns the outcome:
     * SENT, PENDING for a retry after a retryable error, or FAILED.
     */
    public Outcome send(RecipientClaims.Claimed recipient, Prepared prepared, Instant now) {
        if (prepared.outcome() != null) {
            return prepared.outcome();
        }
        try {
            String id = gateway.send(prepared.phone(), prepared.text(), recipient.idempotencyKey());
            return outcomeOf(recipient, prepared, new SmsGateway.Result(id, null), now);
        } catch (SmsGatewayException e) {
            return outcomeOf(recipient, prepared, new SmsGateway.Result(null, e), now);
        }
    }

    /** Returns the message that the gateway is to send for a prepared recipient that has one. */
    public SmsGateway.Message message(RecipientClaims.Claimed recipient, Prepared prepared) {
        return new SmsGateway.Message(prepared.phone(), prepared.text(), recipient.idempotencyKey());
    }

    /**
     * Returns the outcome of a gateway call for a prepared recipient: SENT, PENDING for a retry after a
     * retryable error, or FAILED.
     */
    public Outcome outcomeOf(RecipientClaims.Claimed recipient, Prepared prepared, SmsGateway.Result result, Instant now) {
        int attempts = recipient.attempts() + 1;
        if (result.error() == null) {
            return new Outcome("SENT", null, null, null, attempts, result.providerMessageId(), prepared.maskedPhone());
        }
        SmsGatewayException e = result.error();
        Optional<Duration> delay = e.retryable() ? Backoff.after(attempts) : Optional.empty();
        if (delay.isPresent()) {
            return new Outcome("PENDING", RecipientReason.GATEWAY_ERROR, e.getMessage(), now.plus(delay.get()),
                    attempts, null, prepared.maskedPhone());
        }
        return new Outcome("FAILED", e.retryable() ? RecipientReason.GATEWAY_ERROR : RecipientReason.GATEWAY_REJECTED,
                e.getMessage(), null, attempts, null, prepared.maskedPhone(), e.code());
    }

    /**
     * Returns why the contact may not be texted under the type now, from its current state for the type: an
     * opt-out always excludes, and an opt-in type needs an opt-in for the contact's current number.
     */
    private static Optional<RecipientReason> refusal(SubscriptionTypeView type, ContactView contact, ConsentStateView state) {
        if (state != null && state.state() == ConsentAction.OPT_OUT) {
            return Optional.of(RecipientReason.OPTED_OUT);
        }
        if (type.consentType() == ConsentType.OPT_IN && (state == null || state.state() != ConsentAction.OPT_IN
                || state.phone() != null && !state.phone().equals(contact.phone()))) {
            return Optional.of(RecipientReason.NOT_OPTED_IN);
        }
        return Optional.empty();
    }

    /**
     * Renders the body for a contact and appends the opt-out text and the preference link with
     * {@code linkPath}, which a preview passes so that it creates no link.
     */
    public String compose(String body, ContactView contact, SubscriptionTypeView type, String linkPath) {
        return render(MessageTemplate.parse(body), contact, optOutTexts.textFor(type.id(), contact.locale()), linkPath);
    }

    private String render(MessageTemplate template, ContactView contact, String optOut, String linkPath) {
        return template.render(new ContactAttributes(contact)) + "\n" + optOut + " " + publicBase() + linkPath;
    }

    /** Returns the public URL without a trailing slash. */
    public String publicBase() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
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
