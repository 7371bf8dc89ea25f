package org.optline.optinform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;

/** An opt-in form that an agent inserted into one conversation, for one subscription type. */
@Entity
@Table(name = "optin_form")
public class OptInForm {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "subscription_type_id", nullable = false, updatable = false)
    private long subscriptionTypeId;

    @Column(name = "conversation_id", nullable = false, updatable = false)
    private long conversationId;

    @Column(name = "part_id")
    private Long partId;

    @Column(name = "form_version_id", nullable = false, updatable = false)
    private long formVersionId;

    @Column(name = "created_by", nullable = false, updatable = false, length = 254)
    private String createdBy;

    /** The composer's key of the insert that created the form; null for forms inserted before keys were stored. */
    @Column(name = "insert_key", updatable = false, length = 64)
    private String insertKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private FormState state;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected OptInForm() {
    }

    public OptInForm(long subscriptionTypeId, long conversationId, long formVersionId, String createdBy,
                     String insertKey, Instant now) {
        this.subscriptionTypeId = subscriptionTypeId;
        this.conversationId = conversationId;
        this.formVersionId = formVersionId;
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.insertKey = Objects.requireNonNull(insertKey, "insertKey");
        this.state = FormState.WAITING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Links the form to the conversation part that shows it; done once, right after the part is added. */
    public void showIn(long partId) {
        if (this.partId != null && this.partId != partId) {
            throw new IllegalStateException("Opt-in form " + id + " is already shown in part " + this.partId);
        }
        this.partId = partId;
    }

    public void markSubmitted(Instant now) {
        this.state = FormState.SUBMITTED;
        this.updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public long subscriptionTypeId() {
        return subscriptionTypeId;
    }

    public long conversationId() {
        return conversationId;
    }

    public Long partId() {
        return partId;
    }

    public long formVersionId() {
        return formVersionId;
    }

    public String createdBy() {
        return createdBy;
    }

    public String insertKey() {
        return insertKey;
    }

    public FormState state() {
        return state;
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
