package org.optline.contacts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.optline.contacts.api.ContactColumns;
import org.optline.contacts.api.ContactRole;
import org.optline.contacts.api.LineType;
import org.optline.contacts.api.PhoneNumber;

import java.time.Instant;

/**
 * A user or lead of the business. Deleting one only marks it, because its consent records must be
 * kept; a deleted contact is invisible everywhere else.
 */
@Entity
@Table(name = "contact")
public class Contact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The name of a {@link ContactRole}, read through {@link ContactColumns} like every other reader of the column. */
    @Column(name = "role", nullable = false, length = 8)
    private String role;

    @Column(name = "external_id", length = 255)
    private String externalId;

    @Column(name = "email", length = 254)
    private String email;

    @Column(name = "phone", length = 16)
    private String phone;

    /** The name of a {@link LineType}, read through {@link ContactColumns}; null without a number. */
    @Column(name = "phone_type", length = 24)
    private String phoneType;

    @Column(name = "name", length = 255)
    private String name;

    @Column(name = "avatar", length = 2048)
    private String avatar;

    @Column(name = "owner_id")
    private Long ownerId;

    @Column(name = "locale", length = 16)
    private String locale;

    @Column(name = "unsubscribed_from_emails", nullable = false)
    private boolean unsubscribedFromEmails;

    @Column(name = "custom_attributes", columnDefinition = "LONGTEXT")
    private String customAttributes;

    @Column(name = "signed_up_at")
    private Instant signedUpAt;

    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Contact() {
    }

    public Contact(ContactRole role, Instant now) {
        this.role = role.name();
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void changeRole(ContactRole role) {
        this.role = role.name();
    }

    public void changeExternalId(String externalId) {
        this.externalId = externalId;
    }

    public void changeEmail(String email) {
        this.email = email;
    }

    /** Sets the phone number, or removes it when {@code number} is null. */
    public void changePhone(PhoneNumber number) {
        this.phone = number == null ? null : number.e164();
        this.phoneType = number == null ? null : number.lineType().name();
    }

    public void changeName(String name) {
        this.name = name;
    }

    public void changeAvatar(String avatar) {
        this.avatar = avatar;
    }

    public void changeOwner(Long ownerId) {
        this.ownerId = ownerId;
    }

    public void changeLocale(String locale) {
        this.locale = locale;
    }

    public void changeUnsubscribedFromEmails(boolean unsubscribed) {
        this.unsubscribedFromEmails = unsubscribed;
    }

    public void changeCustomAttributes(String json) {
        this.customAttributes = json;
    }

    public void changeSignedUpAt(Instant signedUpAt) {
        this.signedUpAt = signedUpAt;
    }

    public void changeLastSeenAt(Instant lastSeenAt) {
        this.lastSeenAt = lastSeenAt;
    }

    public void touch(Instant now) {
        this.updatedAt = now;
    }

    public void delete(Instant now) {
        this.deletedAt = now;
        this.updatedAt = now;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public Long id() {
        return id;
    }

    public ContactRole role() {
        return ContactColumns.role(id, role);
    }

    public String externalId() {
        return externalId;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    /** Returns the line type of the number, or null without a number or for a stored name this version does not know. */
    public LineType phoneType() {
        return ContactColumns.lineType(id, phoneType);
    }

    public String name() {
        return name;
    }

    public String avatar() {
        return avatar;
    }

    public Long ownerId() {
        return ownerId;
    }

    public String locale() {
        return locale;
    }

    public boolean unsubscribedFromEmails() {
        return unsubscribedFromEmails;
    }

    public String customAttributes() {
        return customAttributes;
    }

    public Instant signedUpAt() {
        return signedUpAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
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
