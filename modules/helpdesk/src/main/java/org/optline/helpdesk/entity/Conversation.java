package org.optline.helpdesk.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.optline.helpdesk.api.Channel;
import org.optline.helpdesk.api.ConversationState;
import org.optline.helpdesk.api.ConversationView;

import java.time.Instant;
import java.util.Objects;

/**
 * A conversation between one contact and the team. Its version grows with every change, new parts
 * included, because each part also moves {@code updatedAt}.
 */
@Entity
@Table(name = "conversation")
public class Conversation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "contact_id", nullable = false, updatable = false)
    private long contactId;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, updatable = false, length = 16)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 8)
    private ConversationState state;

    @Column(name = "started_by", updatable = false, length = 254)
    private String startedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Conversation() {
    }

    /**
     * Creates an open conversation.
     *
     * @param startedBy the agent who starts it, or null when the contact does
     */
    public Conversation(long contactId, Channel channel, String startedBy, Instant now) {
        this.contactId = contactId;
        this.channel = Objects.requireNonNull(channel, "channel");
        this.startedBy = startedBy;
        this.state = ConversationState.OPEN;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Records that a part was added at {@code now}. */
    public void touch(Instant now) {
        updatedAt = now;
    }

    /** Closes the conversation; returns false when it was closed already. */
    public boolean close(Instant now) {
        return changeState(ConversationState.CLOSED, now);
    }

    /** Reopens the conversation; returns false when it was open already. */
    public boolean reopen(Instant now) {
        return changeState(ConversationState.OPEN, now);
    }

    private boolean changeState(ConversationState next, Instant now) {
        if (state == next) {
            return false;
        }
        state = next;
        updatedAt = now;
        return true;
    }

    public long id() {
        return id;
    }

    public long contactId() {
        return contactId;
    }

    public ConversationState state() {
        return state;
    }

    public long version() {
        return version;
    }

    public ConversationView view() {
        return new ConversationView(id, contactId, channel, state, startedBy, createdAt, updatedAt, version);
    }
}
