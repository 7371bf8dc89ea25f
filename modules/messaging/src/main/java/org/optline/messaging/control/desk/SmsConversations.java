package org.optline.messaging.control.desk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.optline.contacts.api.ContactChanges;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.Contacts;
import org.optline.contacts.api.PhoneNumber;
import org.optline.helpdesk.api.Channel;
import org.optline.helpdesk.api.ConversationState;
import org.optline.helpdesk.api.ConversationView;
import org.optline.helpdesk.api.Conversations;
import org.optline.helpdesk.api.PartView;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Puts inbound texts that are not keywords into the helpdesk, as customer messages of SMS
 * conversations, so that an agent reads and answers them. Joins the caller's transaction, so the
 * message lands in the helpdesk together with the update of its {@code sms_inbound} row or not at all.
 */
@ApplicationScoped
@Transactional
public class SmsConversations {

    private static final Logger LOG = Logger.getLogger(SmsConversations.class.getName());

    /** The account name that leads created for unknown numbers record as their creator. */
    static final String ACTOR = "inbound SMS";

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    /** What the helpdesk stores for a text without any characters, which it cannot store as an empty message. */
    static final String EMPTY_BODY = "(empty text message)";

    @Inject
    Contacts contacts;

    @Inject
    Conversations conversations;

    /**
     * Adds an inbound text to the contact's latest open SMS conversation, or starts one. When the
     * number belongs to no contact, a lead with that phone number is created, so that an agent can
     * answer it.
     *
     * @param inboundId the {@code sms_inbound} row of the message, for the log
     * @param e164      the sender as {@link Contacts#parsePhone} returned it in E.164 form, or null for an
     *                  alphanumeric sender. A number that {@code parsePhone} rejects fails the caller's
     *                  transaction, because the contacts module marks it for rollback.
     * @param contactId the contact matched to the number, or null to look it up or create a lead
     * @param body      the text as received
     * @return where the message landed, or empty for a sender that is not a phone number, because
     *         nobody can answer such a sender
     */
    public Optional<InboundConversation> addInbound(long inboundId, String e164, Long contactId, String body) {
        if (e164 == null || !E164.matcher(e164).matches()) {
            LOG.info(() -> "Inbound SMS " + inboundId + " comes from a sender that is not a phone number; "
                    + "no conversation started");
            return Optional.empty();
        }
        long customer = contactOf(inboundId, e164, contactId).id();
        ConversationView conversation = latestOpen(customer)
                .orElseGet(() -> conversations.startByContact(customer, Channel.SMS));
        String text = body == null || body.isBlank() ? EMPTY_BODY : body;
        PartView part = conversations.addCustomerMessage(conversation.id(), customer, text);
        LOG.info(() -> "Inbound SMS " + inboundId + " from " + PhoneNumber.mask(e164) + " added as part " + part.id()
                + " to conversation " + conversation.id() + " of contact " + customer);
        return Optional.of(new InboundConversation(conversation.id(), part.id(), customer));
    }

    /**
     * Returns the contact {@code contactId} when it exists and has the number; else the contact with the
     * number whose SMS conversation is the latest; else a new lead with the number.
     */
    private ContactView contactOf(long inboundId, String e164, Long contactId) {
        if (contactId != null) {
            Optional<ContactView> matched = contacts.find(contactId).filter(found -> e164.equals(found.phone()));
            if (matched.isPresent()) {
                return matched.get();
            }
            LOG.warning(() -> "Inbound SMS " + inboundId + ": contact " + contactId + " does not exist or has another "
                    + "number; looking the number up instead");
        }
        PhoneNumber number = contacts.parsePhone("from", e164);
        List<ContactView> owners = contacts.findByPhone(number);
        if (!owners.isEmpty()) {
            return owners.stream().max(Comparator.comparing(owner -> latestActivity(owner.id()))).orElseThrow();
        }
        ContactView lead = contacts.create(new ContactChanges().with("role", "lead").with("phone", number.e164()), ACTOR);
        LOG.info(() -> "Inbound SMS " + inboundId + " from unknown number " + number.masked() + " became lead contact "
                + lead.id());
        return lead;
    }

    private Optional<ConversationView> latestOpen(long contactId) {
        return conversations.ofContact(contactId, Channel.SMS).stream()
                .filter(conversation -> conversation.state() == ConversationState.OPEN)
                .findFirst();
    }

    /** Returns the id of the contact's latest SMS conversation, 0 when it has none, for ordering. */
    private long latestActivity(long contactId) {
        return conversations.ofContact(contactId, Channel.SMS).stream().findFirst()
                .map(conversation -> conversation.updatedAt().toEpochMilli()).orElse(0L);
    }
}
