package org.optline.helpdesk.api;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.optline.contacts.api.ContactNotFoundException;
import org.optline.contacts.api.Contacts;
import org.optline.helpdesk.control.EventLines;
import org.optline.helpdesk.control.PartInputs;
import org.optline.helpdesk.entity.Conversation;
import org.optline.helpdesk.entity.ConversationPart;
import org.optline.platform.InvalidInputException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * Conversations and their parts. Every change is stored in MariaDB before the call returns, so any app
 * instance serves the next request.
 *
 * <p>Adding a part locks the conversation row until the transaction commits. Within one conversation
 * part ids are therefore assigned in commit order, and a reader that asks for the parts after the last
 * id it saw misses none.
 */
@ApplicationScoped
@Transactional
public class Conversations {

    private static final Logger LOG = Logger.getLogger(Conversations.class.getName());

    /** The maximum number of contacts that one proactive message goes to, so that one request stays short. */
    public static final int MAX_RECIPIENTS = 100;

    @PersistenceContext(unitName = "helpdesk")
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    Contacts contacts;

    @Inject
    Clock clock;

    @Inject
    Instance<ChannelDelivery> deliveries;

    /** Starts a conversation that the contact opens, in the messenger or by texting in. */
    public ConversationView startByContact(long contactId, Channel channel) {
        requireContact(contactId);
        Conversation conversation = new Conversation(contactId, Objects.requireNonNull(channel, "channel"), null,
                now());
        em.persist(conversation);
        em.flush();
        LOG.info(() -> "Conversation " + conversation.id() + " started by contact " + contactId + " on " + channel);
        return conversation.view();
    }

    /** Starts a conversation that an agent opens with the contact, proactively. */
    public ConversationView startByAgent(long contactId, Channel channel, String agent) {
        PartInputs.agent(agent);
        requireContact(contactId);
        Conversation conversation = new Conversation(contactId, Objects.requireNonNull(channel, "channel"), agent,
                now());
        em.persist(conversation);
        em.flush();
        LOG.info(() -> "Conversation " + conversation.id() + " started by " + agent + " with contact " + contactId
                + " on " + channel);
        return conversation.view();
    }

    /**
     * Starts one messenger conversation per contact, each with the agent's message, all or none.
     *
     * @return the new conversations, in the order of {@code contactIds} without repeats
     * @throws InvalidInputException     when no contact or more than {@value #MAX_RECIPIENTS} are given
     * @throws ContactNotFoundException  naming the first id that matches no contact
     */
    public List<ConversationView> startOutbound(List<Long> contactIds, String agent, String body) {
        PartInputs.agent(agent);
        PartInputs.body(body);
        LinkedHashSet<Long> recipients = new LinkedHashSet<>(contactIds);
        if (recipients.isEmpty()) {
            throw new InvalidInputException("contact", "No contact was chosen. Choose at least one contact to message.");
        }
        if (recipients.size() > MAX_RECIPIENTS) {
            throw new InvalidInputException("contact", recipients.size() + " contacts were chosen, more than the "
                    + MAX_RECIPIENTS + " one message may go to. Send it in several batches.");
        }
        recipients.forEach(this::requireContact);
        List<ConversationView> started = new ArrayList<>();
        for (long contactId : recipients) {
            ConversationView conversation = startByAgent(contactId, Channel.MESSENGER, agent);
            addAgentMessage(conversation.id(), agent, body);
            started.add(find(conversation.id()).orElseThrow());
        }
        return started;
    }

    /**
     * Returns the contact of a conversation, or empty when there is no such conversation. It runs one SQL
     * query, because busy paths such as a form submission check ownership with it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OptionalLong contactOf(long conversationId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT contact_id FROM conversation WHERE id = ?")) {
            select.setLong(1, conversationId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the contact of conversation " + conversationId + " failed", e);
        }
    }

    /** Returns a conversation. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ConversationView> find(long conversationId) {
        return Optional.ofNullable(em.find(Conversation.class, conversationId)).map(Conversation::view);
    }

    /** Returns the contact's conversations on a channel, the most recently updated first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ConversationView> ofContact(long contactId, Channel channel) {
        return em.createQuery("SELECT c FROM Conversation c WHERE c.contactId = :contact AND c.channel = :channel "
                        + "ORDER BY c.updatedAt DESC, c.id DESC", Conversation.class)
                .setParameter("contact", contactId)
                .setParameter("channel", channel)
                .getResultStream().map(Conversation::view).toList();
    }

    /**
     * Returns the parts of a conversation with an id above {@code afterPartId}, oldest first.
     *
     * @throws ConversationNotFoundException when the conversation does not exist
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PartView> parts(long conversationId, long afterPartId) {
        require(conversationId);
        return em.createQuery("SELECT p FROM ConversationPart p WHERE p.conversationId = :conversation AND p.id > :after "
                        + "ORDER BY p.id", ConversationPart.class)
                .setParameter("conversation", conversationId)
                .setParameter("after", afterPartId)
                .getResultStream().map(ConversationPart::view).toList();
    }

    /** Returns one part. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PartView> part(long partId) {
        return Optional.ofNullable(em.find(ConversationPart.class, partId)).map(ConversationPart::view);
    }

    /**
     * Adds a message by the contact. Reopens a closed conversation.
     *
     * @throws ConversationNotFoundException when the conversation does not exist or is not the contact's
     */
    public PartView addCustomerMessage(long conversationId, long contactId, String body) {
        PartInputs.body(body);
        Conversation conversation = lock(conversationId);
        if (conversation.contactId() != contactId) {
            LOG.warning(() -> "Contact " + contactId + " tried to write to conversation " + conversationId
                    + " of contact " + conversation.contactId() + "; rejected");
            throw new ConversationNotFoundException(conversationId);
        }
        if (conversation.reopen(now())) {
            append(conversation, ConversationPart.text(conversationId, PartKind.EVENT, null,
                    "Reopened by the contact's message", now()));
            LOG.info(() -> "Conversation " + conversationId + " reopened by a message of contact " + contactId);
        }
        PartView part = append(conversation, ConversationPart.text(conversationId, PartKind.CUSTOMER_MESSAGE, null, body,
                now()));
        LOG.info(() -> "Part " + part.id() + " (customer message) added to conversation " + conversationId
                + " by contact " + contactId);
        return part;
    }

    /**
     * Adds a message by an agent. The conversation keeps its state, so a reply does not reopen it. On a
     * channel other than the messenger, the {@link ChannelDelivery} of that channel queues the message
     * in the same transaction, so a message that cannot go out is not stored either.
     *
     * @throws InvalidInputException when no delivery for the channel is installed, or when it rejects
     *                               the message, such as a reply to a number that texted STOP
     */
    public PartView addAgentMessage(long conversationId, String agent, String body) {
        PartInputs.agent(agent);
        PartInputs.body(body);
        Conversation conversation = lock(conversationId);
        ConversationView view = conversation.view();
        ChannelDelivery delivery = view.channel() == Channel.MESSENGER ? null : delivery(view);
        PartView part = append(conversation, ConversationPart.text(conversationId, PartKind.AGENT_MESSAGE, agent, body,
                now()));
        if (delivery != null) {
            delivery.deliver(conversation.view(), part);
        }
        LOG.info(() -> "Part " + part.id() + " (agent message) added to conversation " + conversationId + " by " + agent);
        return part;
    }

    /**
     * Adds an app part, such as an opt-in form that the app module has stored under {@code appRef}.
     *
     * @throws InvalidInputException when the conversation is not on the messenger, the only channel
     *                               that shows apps to the contact
     */
    public PartView addApp(long conversationId, String agent, String appType, long appRef) {
        PartInputs.agent(agent);
        PartInputs.appType(appType);
        PartInputs.appRef(appRef);
        Conversation conversation = lock(conversationId);
        Channel channel = conversation.view().channel();
        if (channel != Channel.MESSENGER) {
            throw new InvalidInputException("conversation", "Conversation " + conversationId + " is on " + channel
                    + ", where the contact cannot see apps such as " + appType + ". Insert apps only in messenger "
                    + "conversations.");
        }
        PartView part = append(conversation, ConversationPart.app(conversationId, agent, appType, appRef, now()));
        LOG.info(() -> "Part " + part.id() + " (app " + appType + " " + appRef + ") added to conversation "
                + conversationId + " by " + agent);
        return part;
    }

    /**
     * Adds a line for agents, such as the result of a form the contact submitted. It is written with
     * SQL (see {@link EventLines}), so a conversation this transaction read earlier through this class
     * keeps its older version and time in memory. No caller changes the conversation after it.
     */
    public PartView addEvent(long conversationId, String text) {
        PartInputs.body(text);
        PartView part;
        try {
            part = EventLines.append(dataSource, conversationId, text, now())
                    .orElseThrow(() -> new ConversationNotFoundException(conversationId));
        } catch (SQLException e) {
            throw new IllegalStateException("Adding an event line to conversation " + conversationId + " failed", e);
        }
        LOG.info(() -> "Part " + part.id() + " (event) added to conversation " + conversationId);
        return part;
    }

    /**
     * Adds a line for agents to the conversation of a part, if the part still exists. For background
     * workers: the part is read in the same transaction, since a read outside one on a managed
     * executor's thread leaves an entity manager that Payara later fails to close.
     */
    public Optional<PartView> addEventAfterPart(long partId, String text) {
        return part(partId).map(part -> addEvent(part.conversationId(), text));
    }

    /**
     * Closes a conversation and adds an event line that names the agent. Closing a closed conversation
     * changes nothing.
     *
     * @param expectedVersion the version the agent saw, or null to skip the check
     * @throws StaleConversationException when the conversation changed since that version
     */
    public ConversationView close(long conversationId, String agent, Long expectedVersion) {
        return changeState(conversationId, agent, expectedVersion, true);
    }

    /**
     * Reopens a conversation and adds an event line that names the agent. Reopening an open
     * conversation changes nothing.
     *
     * @param expectedVersion the version the agent saw, or null to skip the check
     * @throws StaleConversationException when the conversation changed since that version
     */
    public ConversationView reopen(long conversationId, String agent, Long expectedVersion) {
        return changeState(conversationId, agent, expectedVersion, false);
    }

    private ConversationView changeState(long conversationId, String agent, Long expectedVersion, boolean close) {
        PartInputs.agent(agent);
        Conversation conversation = lock(conversationId);
        if (expectedVersion != null && expectedVersion != conversation.version()) {
            throw new StaleConversationException(conversationId, expectedVersion, conversation.version());
        }
        boolean changed = close ? conversation.close(now()) : conversation.reopen(now());
        if (!changed) {
            return conversation.view();
        }
        String verb = close ? "Closed" : "Reopened";
        append(conversation, ConversationPart.text(conversationId, PartKind.EVENT, agent, verb + " by " + agent,
                now()));
        LOG.info(() -> "Conversation " + conversationId + " " + verb.toLowerCase(java.util.Locale.ROOT) + " by " + agent
                + ", now version " + conversation.version());
        return conversation.view();
    }

    /**
     * Returns the current time to the microsecond, the precision of the DATETIME(6) columns, so that a
     * returned view equals the same row read back later.
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Reads the conversation with a row lock that is held until the transaction ends. */
    private Conversation lock(long conversationId) {
        Conversation conversation = em.find(Conversation.class, conversationId, LockModeType.PESSIMISTIC_WRITE);
        if (conversation == null) {
            throw new ConversationNotFoundException(conversationId);
        }
        return conversation;
    }

    private Conversation require(long conversationId) {
        Conversation conversation = em.find(Conversation.class, conversationId);
        if (conversation == null) {
            throw new ConversationNotFoundException(conversationId);
        }
        return conversation;
    }

    private PartView append(Conversation conversation, ConversationPart part) {
        em.persist(part);
        conversation.touch(now());
        em.flush();
        return part.view();
    }

    /** Returns the installed delivery for the conversation's channel. */
    private ChannelDelivery delivery(ConversationView conversation) {
        for (ChannelDelivery delivery : deliveries) {
            if (delivery.channel() == conversation.channel()) {
                return delivery;
            }
        }
        LOG.warning(() -> "No delivery for " + conversation.channel() + " is installed; agent message to conversation "
                + conversation.id() + " rejected");
        throw new InvalidInputException("conversation", "Replies on " + conversation.channel() + " cannot be sent, "
                + "because no delivery for that channel is installed. Nothing was stored. Ask an admin to check the "
                + "installation.");
    }

    private void requireContact(long contactId) {
        if (contacts.find(contactId).isEmpty()) {
            throw new ContactNotFoundException(String.valueOf(contactId));
        }
    }
}
