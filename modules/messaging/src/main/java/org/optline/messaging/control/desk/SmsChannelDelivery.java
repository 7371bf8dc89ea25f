package org.optline.messaging.control.desk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.Contacts;
import org.optline.helpdesk.api.Channel;
import org.optline.helpdesk.api.ChannelDelivery;
import org.optline.helpdesk.api.ConversationView;
import org.optline.helpdesk.api.PartView;
import org.optline.messaging.control.NumberBlocks;
import org.optline.messaging.control.notices.NoticeKind;
import org.optline.messaging.control.notices.Notices;
import org.optline.platform.InvalidInputException;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Sends agents' replies in SMS conversations as single texts through the notice queue. A reply needs
 * no subscription consent, because it responds to the customer's own message, but it is not queued for
 * a number that texted STOP and has not texted START since.
 */
@ApplicationScoped
public class SmsChannelDelivery implements ChannelDelivery {

    private static final Logger LOG = Logger.getLogger(SmsChannelDelivery.class.getName());

    /** The maximum length of one message that Twilio accepts, also the campaign limit. */
    static final int MAX_REPLY_LENGTH = 1_600;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    @Inject
    Contacts contacts;

    @Inject
    Notices notices;

    @Inject
    NumberBlocks numberBlocks;

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    /**
     * Queues the reply as an {@link NoticeKind#AGENT_REPLY} notice for the contact's number, on the
     * caller's transaction.
     *
     * @throws InvalidInputException when the contact has no number that takes texts, or its number texted STOP
     */
    @Override
    public void deliver(ConversationView conversation, PartView part) {
        ContactView contact = contacts.find(conversation.contactId()).filter(ContactView::smsCapable)
                .orElseThrow(() -> noNumber(conversation));
        if (part.body().length() > MAX_REPLY_LENGTH) {
            LOG.info(() -> "Agent reply in conversation " + conversation.id() + " rejected: " + part.body().length()
                    + " characters");
            throw new InvalidInputException("body", "The reply has " + part.body().length() + " characters, but a text "
                    + "message carries at most " + MAX_REPLY_LENGTH + ". Shorten it or split it into several replies.");
        }
        // A STOP that commits after this read finds the reply still queued: the notice worker checks the block
        // again before the gateway call. The reply does not take the number lock of inbound handling, because it
        // holds the conversation lock, which inbound handling takes after the number lock.
        Optional<Instant> blockedAt = numberBlocks.blockedSince(contact.phone());
        if (blockedAt.isPresent()) {
            LOG.info(() -> "Agent reply in conversation " + conversation.id() + " to " + contact.maskedPhone()
                    + " rejected: the number texted STOP");
            throw new InvalidInputException("body", "This number texted STOP on " + DAY.format(blockedAt.get())
                    + "; it can be texted again after it texts START. Your reply was not sent or stored.");
        }
        long noticeId = notices.enqueue(new Notices.Notice(NoticeKind.AGENT_REPLY, contact.phone(), contact.id(),
                part.body(), null, part.id()));
        LOG.info(() -> "Agent reply part " + part.id() + " of conversation " + conversation.id() + " queued as SMS notice "
                + noticeId + " to " + contact.maskedPhone());
    }

    private static InvalidInputException noNumber(ConversationView conversation) {
        LOG.info(() -> "Agent reply in conversation " + conversation.id() + " rejected: contact "
                + conversation.contactId() + " has no number that takes texts");
        return new InvalidInputException("body", "The contact has no mobile number that can receive texts, so the "
                + "reply cannot go out by SMS and was not stored. Add a valid mobile number on the contact's profile.");
    }
}
