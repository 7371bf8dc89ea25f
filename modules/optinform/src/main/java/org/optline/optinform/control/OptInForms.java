package org.optline.optinform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.optline.helpdesk.api.ConversationNotFoundException;
import org.optline.helpdesk.api.Conversations;
import org.optline.helpdesk.api.PartView;
import org.optline.optinform.api.OptInFormApp;
import org.optline.optinform.entity.FormSubmission;
import org.optline.optinform.entity.FormVersion;
import org.optline.optinform.entity.OptInForm;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.State;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.SubscriptionTypes;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/** Inserts opt-in forms into conversations, stores their texts as versions, and reads them back. */
@ApplicationScoped
@Transactional
public class OptInForms {

    private static final Logger LOG = Logger.getLogger(OptInForms.class.getName());

    /** The most conversations one insert may address, so that a single click cannot run for minutes. */
    public static final int MAX_CONVERSATIONS = 100;

    @PersistenceContext(unitName = "optinform")
    EntityManager em;

    @Inject
    SubscriptionTypes types;

    @Inject
    Conversations conversations;

    @Inject
    Clock clock;

    /** Returns the types an agent may choose: the live SMS types, then the live email types. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SubscriptionTypeView> choosableTypes() {
        return Stream.concat(types.live(MessageType.SMS).stream(), types.live(MessageType.EMAIL).stream()).toList();
    }

    /**
     * Returns the live type with the id an agent chose.
     *
     * @throws InvalidInputException when the id is no number, no type, or a draft or archived type
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SubscriptionTypeView requireLiveType(String rawId) {
        if (rawId == null || rawId.isBlank()) {
            throw new MissingInputException("subscription_type", "Subscription type is missing. Choose a live subscription type.");
        }
        long id;
        try {
            id = Long.parseLong(rawId.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("subscription_type", "Subscription type '" + rawId.strip()
                    + "' is not an id. Choose a live subscription type from the list.");
        }
        SubscriptionTypeView type = types.find(id).orElseThrow(() -> new InvalidInputException("subscription_type",
                "Subscription type " + id + " was not found. Choose a live subscription type from the list."));
        if (type.state() != State.LIVE) {
            throw new InvalidInputException("subscription_type", "Subscription type " + id + " (\u201C"
                    + type.defaultTranslation().name() + "\u201D) is " + type.state().apiName()
                    + "; forms offer live types only. Choose a live type or put this one live first.");
        }
        return type;
    }

    /**
     * Inserts one form for {@code type} into each conversation, all in one transaction, and returns the
     * app parts that show them.
     *
     * @throws ConversationNotFoundException when a conversation does not exist; nothing is inserted then
     */
    public List<PartView> insert(SubscriptionTypeView type, FormContent content, List<Long> conversationIds, String agent) {
        if (conversationIds.isEmpty()) {
            throw new MissingInputException("conversation", "No conversation was given. Open the form from a conversation.");
        }
        if (conversationIds.size() > MAX_CONVERSATIONS) {
            throw new InvalidInputException("conversation", conversationIds.size() + " conversations were given; one "
                    + "insert takes at most " + MAX_CONVERSATIONS + ". Select fewer conversations.");
        }
        for (long conversationId : conversationIds) {
            conversations.find(conversationId).orElseThrow(() -> new ConversationNotFoundException(conversationId));
        }
        long versionId = storeVersion(content);
        Instant now = clock.instant();
        List<PartView> parts = new ArrayList<>();
        for (long conversationId : conversationIds) {
            OptInForm form = new OptInForm(type.id(), conversationId, versionId, agent, now);
            em.persist(form);
            em.flush();
            PartView part = conversations.addApp(conversationId, agent, OptInFormApp.TYPE, form.id());
            form.showIn(part.id());
            parts.add(part);
            LOG.info(() -> "Opt-in form " + form.id() + " for subscription type " + type.id() + " (version "
                    + versionId + ") inserted into conversation " + conversationId + " as part " + part.id()
                    + " by " + agent);
        }
        return parts;
    }

    /**
     * Returns the id of the version with exactly these texts, inserting it when it is new. Two inserts
     * of the same texts at the same moment meet at the unique hash, so both get the one row.
     */
    long storeVersion(FormContent content) {
        String hash = content.sha256();
        em.createNativeQuery("INSERT INTO optin_form_version (sha256, title, button, legal_html, created_at) "
                        + "VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE id = id")
                .setParameter(1, hash)
                .setParameter(2, content.title())
                .setParameter(3, content.button())
                .setParameter(4, content.legalHtml())
                .setParameter(5, Timestamp.from(clock.instant()))
                .executeUpdate();
        return ((Number) em.createNativeQuery("SELECT id FROM optin_form_version WHERE sha256 = ?")
                .setParameter(1, hash)
                .getSingleResult()).longValue();
    }

    /** Returns a form with its texts and result, or empty when there is no such form. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<FormDetails> find(long formId) {
        OptInForm form = em.find(OptInForm.class, formId);
        if (form == null) {
            return Optional.empty();
        }
        return Optional.of(details(form));
    }

    FormDetails details(OptInForm form) {
        FormVersion version = em.find(FormVersion.class, form.formVersionId());
        FormContent content = new FormContent(version.title(), version.button(), version.legalHtml());
        Optional<FormDetails.Submitted> submitted = em.createQuery(
                        "SELECT s FROM FormSubmission s WHERE s.formId = :form ORDER BY s.id", FormSubmission.class)
                .setParameter("form", form.id())
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(s -> new FormDetails.Submitted(s.phone(), s.createdAt()));
        return new FormDetails(form.id(), form.conversationId(), form.partId(), form.state(), form.subscriptionTypeId(),
                types.find(form.subscriptionTypeId()), version.id(), content, submitted);
    }
}
