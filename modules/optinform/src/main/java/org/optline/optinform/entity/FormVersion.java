package org.optline.optinform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The exact texts of an opt-in form, stored once per distinct content. Rows are inserted by SQL so
 * that two agents inserting the same texts share one row; this entity only reads them and has no
 * setters, because a consent event that names a version must keep meaning what the customer read.
 */
@Entity
@Table(name = "optin_form_version")
public class FormVersion {

    @Id
    private Long id;

    @Column(name = "sha256", nullable = false, updatable = false, length = 64)
    private String sha256;

    @Column(name = "title", nullable = false, updatable = false, length = 200)
    private String title;

    @Column(name = "button", nullable = false, updatable = false, length = 60)
    private String button;

    @Column(name = "legal_html", nullable = false, updatable = false)
    private String legalHtml;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected FormVersion() {
    }

    public Long id() {
        return id;
    }

    public String sha256() {
        return sha256;
    }

    public String title() {
        return title;
    }

    public String button() {
        return button;
    }

    public String legalHtml() {
        return legalHtml;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
