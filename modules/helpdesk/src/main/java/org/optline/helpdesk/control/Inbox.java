package org.optline.helpdesk.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.optline.helpdesk.api.ConversationState;
import org.optline.helpdesk.api.ConversationView;
import org.optline.helpdesk.api.PartKind;
import org.optline.helpdesk.api.PartView;
import org.optline.helpdesk.entity.Conversation;
import org.optline.helpdesk.entity.ConversationPart;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads the agent inbox: conversations by latest activity, with their latest message. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Inbox {

    /** The message kinds that the inbox list shows as a conversation's latest message. */
    private static final List<PartKind> MESSAGES = List.of(PartKind.CUSTOMER_MESSAGE, PartKind.AGENT_MESSAGE);

    @PersistenceContext(unitName = "helpdesk")
    EntityManager em;

    /**
     * Returns up to {@code limit} conversations in {@code state}, the latest activity first, skipping
     * the first {@code offset}.
     */
    public List<ConversationView> conversations(ConversationState state, int offset, int limit) {
        return em.createQuery("SELECT c FROM Conversation c WHERE c.state = :state ORDER BY c.updatedAt DESC, c.id DESC",
                        Conversation.class)
                .setParameter("state", state)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultStream().map(Conversation::view).toList();
    }

    /** Returns the latest customer or agent message of each of the conversations that has one, by conversation id. */
    public Map<Long, PartView> latestMessages(Collection<Long> conversationIds) {
        if (conversationIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT p FROM ConversationPart p WHERE p.id IN (SELECT MAX(q.id) FROM ConversationPart q "
                        + "WHERE q.conversationId IN :ids AND q.kind IN :kinds GROUP BY q.conversationId)",
                        ConversationPart.class)
                .setParameter("ids", conversationIds)
                .setParameter("kinds", MESSAGES)
                .getResultStream().map(ConversationPart::view)
                .collect(Collectors.toMap(PartView::conversationId, Function.identity()));
    }

    /** Returns every conversation of a contact on any channel, the latest activity first. */
    public List<ConversationView> ofContact(long contactId) {
        return em.createQuery("SELECT c FROM Conversation c WHERE c.contactId = :contact ORDER BY c.updatedAt DESC, c.id DESC",
                        Conversation.class)
                .setParameter("contact", contactId)
                .getResultStream().map(Conversation::view).toList();
    }
}
