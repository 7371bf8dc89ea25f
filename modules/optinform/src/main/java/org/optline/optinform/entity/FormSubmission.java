package org.optline.optinform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A customer's submission of an opt-in form, with the evidence kept beside the consent event. */
@Entity
@Table(name = "optin_form_submission")
public class FormSubmission {

    /** The longest user agent kept, as in the consent record. */
    public static final int MAX_USER_AGENT = 512;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "form_id", nullable = false, updatable = false)
    private long formId;

    @Column(name = "idempotency_key", nullable = false, updatable = false, length = 64)
    private String idempotencyKey;

    @Column(name = "contact_id", nullable = false, updatable = false)
    private long contactId;

    @Column(name = "form_version_id", nullable = false, updatable = false)
    private long formVersionId;

    @Column(name = "phone", updatable = false, length = 16)
    private String phone;

    @Column(name = "consent_event_seq", updatable = false)
    private Integer consentEventSeq;

    @Column(name = "awaiting_confirmation", nullable = false, updatable = false)
    private boolean awaitingConfirmation;

    @Column(name = "ip_address", updatable = false, length = 45)
    private String ipAddress;

    @Column(name = "user_agent", updatable = false, length = MAX_USER_AGENT)
    private String userAgent;

    @Column(name = "locale", nullable = false, updatable = false, length = 16)
    private String locale;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected FormSubmission() {
    }

    /**
     * @param phone           the number opted in, in E.164 form, or null for an email subscription
     * @param consentEventSeq      the recorded event's position in the contact's chain, or null when nothing
     *                             was recorded
     * @param awaitingConfirmation whether the opt-in waits for the customer's YES by text (double opt-in)
     */
    public FormSubmission(long formId, String idempotencyKey, long contactId, long formVersionId, String phone,
                          Integer consentEventSeq, boolean awaitingConfirmation, String ipAddress, String userAgent,
                          String locale, Instant now) {
        this.formId = formId;
        this.idempotencyKey = idempotencyKey;
        this.contactId = contactId;
        this.formVersionId = formVersionId;
        this.phone = phone;
        this.consentEventSeq = consentEventSeq;
        this.awaitingConfirmation = awaitingConfirmation;
        this.ipAddress = ipAddress;
        this.userAgent = userAgent;
        this.locale = locale;
        this.createdAt = now;
    }

    public Long id() {
        return id;
    }

    public long formId() {
        return formId;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public long contactId() {
        return contactId;
    }

    public long formVersionId() {
        return formVersionId;
    }

    public String phone() {
        return phone;
    }

    public Integer consentEventSeq() {
        return consentEventSeq;
    }

    public boolean awaitingConfirmation() {
        return awaitingConfirmation;
    }

    public String ipAddress() {
        return ipAddress;
    }

    public String userAgent() {
        return userAgent;
    }

    public String locale() {
        return locale;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
