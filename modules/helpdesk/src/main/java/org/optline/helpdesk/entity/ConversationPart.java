package org.optline.helpdesk.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.optline.helpdesk.api.PartKind;
import org.optline.helpdesk.api.PartView;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a conversation. Parts are only inserted: every column is {@code updatable = false},
 * and the database rejects updates and deletes with triggers.
 */
@Entity
@Table(name = "conversation_part")
public class ConversationPart {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "conversation_id", nullable = false, updatable = false)
    private long conversationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false, length = 16)
    private PartKind kind;

    @Column(name = "author_id", updatable = false, length = 254)
    private String authorId;

    @Column(name = "body", updatable = false, columnDefinition = "TEXT")
    private String body;

    @Column(name = "app_type", updatable = false, length = 40)
    private String appType;

    @Column(name = "app_ref", updatable = false)
    private Long appRef;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ConversationPart() {
    }

    private ConversationPart(long conversationId, PartKind kind, String authorId, String body, String appType,
                             Long appRef, Instant now) {
        this.conversationId = conversationId;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.authorId = authorId;
        this.body = body;
        this.appType = appType;
        this.appRef = appRef;
        this.createdAt = now;
    }

    /** Creates a message or event part, whose body has been checked already. */
    public static ConversationPart text(long conversationId, PartKind kind, String authorId, String body, Instant now) {
        if (kind == PartKind.APP) {
            throw new IllegalArgumentException("an app part has no body; use ConversationPart.app");
        }
        return new ConversationPart(conversationId, kind, authorId, Objects.requireNonNull(body, "body"), null, null, now);
    }

    /** Creates an app part. */
    public static ConversationPart app(long conversationId, String authorId, String appType, long appRef, Instant now) {
        return new ConversationPart(conversationId, PartKind.APP, authorId, null, Objects.requireNonNull(appType, "appType"),
                appRef, now);
    }

    public long id() {
        return id;
    }

    public PartView view() {
        return new PartView(id, conversationId, kind, authorId, body, appType, appRef, createdAt);
    }
}
