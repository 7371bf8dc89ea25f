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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Inserts opt-in forms into conversations, stores their texts as versions, and reads them back. */
@ApplicationScoped
@Transactional
public class OptInForms {

    private static final Logger LOG = Logger.getLogger(OptInForms.class.getName());

    /** The most conversations one insert may address, so that a single click cannot run for minutes. */
    public static final int MAX_CONVERSATIONS = 100;

    private static final Pattern INSERT_KEY = Pattern.compile("[A-Za-z0-9_-]{16,64}");

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
     * app parts that show them. A conversation that already has a form inserted with {@code insertKey}
     * gets no second one, and its earlier part is returned instead, so a double-click or a retried
     * request returns the same result as the first.
     *
     * @param insertKey the random key that the composer rendered, the same for every retry of one insert
     * @throws ConversationNotFoundException when a conversation does not exist; nothing is inserted then
     */
    public List<PartView> insert(SubscriptionTypeView type, FormContent content, List<Long> conversationIds,
                                 String agent, String insertKey) {
        String key = checkInsertKey(insertKey);
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
        Map<Long, OptInForm> earlier = insertedWith(key, conversationIds);
        long versionId = storeVersion(content);
        Instant now = clock.instant();
        List<PartView> parts = new ArrayList<>();
        for (long conversationId : conversationIds) {
            OptInForm existing = earlier.get(conversationId);
            if (existing != null) {
                parts.add(conversations.part(existing.partId()).orElseThrow());
                LOG.info(() -> "Opt-in form " + existing.id() + " was already inserted into conversation "
                        + conversationId + " by the same insert; nothing added");
                continue;
            }
            OptInForm form = new OptInForm(type.id(), conversationId, versionId, agent, key, now);
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
     * Returns the parts of the forms inserted with {@code insertKey}, one for each conversation, or empty
     * unless every conversation has one. The composer calls it after an insert failed on the unique
     * insert key, which happens when two requests with the same key ran at the same moment.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<PartView>> findInserted(String insertKey, List<Long> conversationIds) {
        if (conversationIds.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, OptInForm> earlier = insertedWith(checkInsertKey(insertKey), conversationIds);
        if (!earlier.keySet().containsAll(conversationIds)) {
            return Optional.empty();
        }
        return Optional.of(conversationIds.stream()
                .map(id -> conversations.part(earlier.get(id).partId()).orElseThrow())
                .toList());
    }

    private Map<Long, OptInForm> insertedWith(String insertKey, List<Long> conversationIds) {
        Map<Long, OptInForm> forms = new HashMap<>();
        em.createQuery("SELECT f FROM OptInForm f WHERE f.insertKey = :key AND f.conversationId IN :conversations",
                        OptInForm.class)
                .setParameter("key", insertKey)
                .setParameter("conversations", conversationIds)
                .getResultStream()
                .forEach(form -> forms.put(form.conversationId(), form));
        return forms;
    }

    /** Checks the composer's insert key: 16 to 64 characters of URL-safe Base64. */
    static String checkInsertKey(String insertKey) {
        if (insertKey == null || insertKey.isBlank()) {
            throw new MissingInputException("insert_key", "Insert key is missing. Reload the conversation and insert "
                    + "the form again.");
        }
        String key = insertKey.strip();
        if (!INSERT_KEY.matcher(key).matches()) {
            throw new InvalidInputException("insert_key", "Insert key is invalid: it must be 16 to 64 letters, digits, "
                    + "'-' or '_'. Reload the conversation and insert the form again.");
        }
        return key;
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
        Optional<FormDetails.Submitted> submitted = em.createQuery(
                        "SELECT s FROM FormSubmission s WHERE s.formId = :form ORDER BY s.id", FormSubmission.class)
                .setParameter("form", form.id())
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(s -> new FormDetails.Submitted(s.phone(), s.createdAt(), s.awaitingConfirmation()));
        return details(form, version, types.find(form.subscriptionTypeId()), submitted);
    }

    static FormDetails details(OptInForm form, FormVersion version, Optional<SubscriptionTypeView> type,
                               Optional<FormDetails.Submitted> submitted) {
        FormContent content = new FormContent(version.title(), version.button(), version.legalHtml());
        return new FormDetails(form.id(), form.conversationId(), form.partId(), form.state(), form.subscriptionTypeId(),
                type, version.id(), content, submitted);
    }
}
