package org.optline.subscriptions.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.optline.platform.InvalidInputException;
import org.optline.subscriptions.api.ArchivedTypeException;
import org.optline.subscriptions.api.ConsentType;
import org.optline.subscriptions.api.ImmutableAttributeException;
import org.optline.subscriptions.api.LocaleCode;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.State;
import org.optline.subscriptions.api.Translation;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What contacts may be messaged about. Its message type and consent type are fixed at creation;
 * its customer-facing texts change until it is archived; it is never deleted.
 */
@Entity
@Table(name = "subscription_type")
// The batch hints make EclipseLink read the translations of all listed types in one more query, not one per type.
@NamedQuery(name = SubscriptionType.ALL, query = "SELECT t FROM SubscriptionType t ORDER BY t.id",
        hints = {@QueryHint(name = "eclipselink.batch", value = "t.translations"),
                @QueryHint(name = "eclipselink.batch.type", value = "IN")})
@NamedQuery(name = SubscriptionType.BY_STATE_AND_MESSAGE_TYPE,
        query = "SELECT t FROM SubscriptionType t WHERE t.state = :state AND t.messageType = :messageType ORDER BY t.id",
        hints = {@QueryHint(name = "eclipselink.batch", value = "t.translations"),
                @QueryHint(name = "eclipselink.batch.type", value = "IN")})
public class SubscriptionType {

    public static final String ALL = "SubscriptionType.all";
    public static final String BY_STATE_AND_MESSAGE_TYPE = "SubscriptionType.byStateAndMessageType";

    /** The most locales one type may carry; more would make the edit page unusable. */
    public static final int MAX_TRANSLATIONS = 50;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "message_type", nullable = false, updatable = false, length = 8)
    private MessageType messageType;

    @Enumerated(EnumType.STRING)
    @Column(name = "consent_type", nullable = false, updatable = false, length = 8)
    private ConsentType consentType;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 8)
    private State state;

    /** Whether a form or API opt-in waits for the customer's YES by text before it counts. */
    @Column(name = "double_opt_in", nullable = false)
    private boolean doubleOptIn;

    @Column(name = "default_locale", nullable = false, length = 16)
    private String defaultLocale;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "subscription_type_translation",
            joinColumns = @JoinColumn(name = "subscription_type_id"))
    @MapKeyColumn(name = "locale", length = 16)
    private Map<String, Wording> translations = new HashMap<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "live_at")
    private Instant liveAt;

    @Column(name = "archived_at")
    private Instant archivedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected SubscriptionType() {
    }

    private SubscriptionType(MessageType messageType, ConsentType consentType, Instant now) {
        this.messageType = Objects.requireNonNull(messageType, "messageType");
        this.consentType = Objects.requireNonNull(consentType, "consentType");
        this.state = State.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Creates a draft with its texts; the first of {@code texts} in the default locale. */
    public static SubscriptionType draft(MessageType messageType, ConsentType consentType, LocaleCode defaultLocale,
                                         List<Translation> texts, Instant now) {
        SubscriptionType type = new SubscriptionType(messageType, consentType, now);
        type.replaceTexts(defaultLocale, texts);
        return type;
    }

    /** Makes a draft available to customers, forms and sends. Putting a live type live changes nothing. */
    public void putLive(Instant now) {
        requireNotArchived("put live");
        if (state == State.DRAFT) {
            state = State.LIVE;
            liveAt = now;
            updatedAt = now;
        }
    }

    /** Retires a draft or live type for good. Archiving an archived type changes nothing. */
    public void archive(Instant now) {
        if (state != State.ARCHIVED) {
            state = State.ARCHIVED;
            archivedAt = now;
            updatedAt = now;
        }
    }

    /**
     * Replaces all customer-facing texts; {@code texts} must include the default locale.
     *
     * @return whether anything changed; texts equal to the stored ones change nothing, not even the version
     */
    public boolean reword(LocaleCode defaultLocale, List<Translation> texts, Instant now) {
        requireNotArchived("edited");
        Map<String, List<String>> requested = new HashMap<>();
        texts.forEach(text -> requested.put(text.locale().value(), List.of(text.name(), text.description())));
        boolean same = requested.size() == texts.size() && requested.equals(snapshot())
                && defaultLocale.value().equals(this.defaultLocale);
        if (same) {
            return false;
        }
        replaceTexts(defaultLocale, texts);
        updatedAt = now;
        return true;
    }

    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> texts = new HashMap<>();
        translations.forEach((locale, wording) -> texts.put(locale, List.of(wording.name(), wording.description())));
        return texts;
    }

    /**
     * Sets whether opt-ins by form or API wait for the customer's YES by text. Only SMS opt-in types may
     * ask for it, because the confirmation is a text and an opt-out type needs no opt-in.
     *
     * @return whether anything changed
     */
    public boolean setDoubleOptIn(boolean doubleOptIn, Instant now) {
        if (doubleOptIn == this.doubleOptIn) {
            return false;
        }
        requireNotArchived("edited");
        if (doubleOptIn && (messageType != MessageType.SMS || consentType != ConsentType.OPT_IN)) {
            throw new InvalidInputException("double_opt_in", "Double opt-in needs an SMS opt-in subscription type, "
                    + "but this one is " + messageType.apiName() + " " + consentType.apiName()
                    + ". Leave double opt-in off for it.");
        }
        this.doubleOptIn = doubleOptIn;
        updatedAt = now;
        return true;
    }

    /** Rejects a request that names a different message type or consent type than this type's. */
    public void requireSameKind(MessageType requestedMessageType, ConsentType requestedConsentType) {
        if (requestedMessageType != null && requestedMessageType != messageType) {
            throw new ImmutableAttributeException("content_types", messageType.apiName(), requestedMessageType.apiName());
        }
        if (requestedConsentType != null && requestedConsentType != consentType) {
            throw new ImmutableAttributeException("consent_type", consentType.apiName(), requestedConsentType.apiName());
        }
    }

    private void requireNotArchived(String change) {
        if (state == State.ARCHIVED) {
            throw new ArchivedTypeException(id == null ? 0 : id, change);
        }
    }

    private void replaceTexts(LocaleCode defaultLocale, List<Translation> texts) {
        Objects.requireNonNull(defaultLocale, "defaultLocale");
        if (texts.isEmpty()) {
            throw new InvalidInputException("default_translation", "default_translation is missing. "
                    + "Give a name, and optionally a description, in the default locale.");
        }
        if (texts.size() > MAX_TRANSLATIONS) {
            throw new InvalidInputException("translations", "There are " + texts.size()
                    + " translations; at most " + MAX_TRANSLATIONS + " locales are allowed. Remove some.");
        }
        Map<String, Wording> replacement = new HashMap<>();
        for (Translation text : texts) {
            Wording previous = replacement.put(text.locale().value(), new Wording(text.name(), text.description()));
            if (previous != null) {
                throw new InvalidInputException("translations", "Locale " + text.locale()
                        + " appears twice. Give each locale one name and description.");
            }
        }
        if (!replacement.containsKey(defaultLocale.value())) {
            throw new InvalidInputException("default_translation", "There is no text in the default locale "
                    + defaultLocale + ". Add a name for " + defaultLocale + " or choose another default locale.");
        }
        translations.keySet().retainAll(replacement.keySet());
        translations.putAll(replacement);
        this.defaultLocale = defaultLocale.value();
    }

    public Long id() {
        return id;
    }

    public MessageType messageType() {
        return messageType;
    }

    public ConsentType consentType() {
        return consentType;
    }

    public State state() {
        return state;
    }

    public boolean doubleOptIn() {
        return doubleOptIn;
    }

    public LocaleCode defaultLocale() {
        return new LocaleCode(defaultLocale);
    }

    /** Returns the texts keyed by locale; the map is a copy. */
    public Map<String, Wording> translations() {
        return Map.copyOf(translations);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
