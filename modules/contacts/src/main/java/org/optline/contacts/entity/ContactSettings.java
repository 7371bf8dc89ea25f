package org.optline.contacts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** The workspace's contact settings: the single row with id 1. */
@Entity
@Table(name = "contact_settings")
public class ContactSettings {

    public static final int ID = 1;

    @Id
    private int id;

    @Column(name = "default_country", nullable = false, length = 2)
    private String defaultCountry;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ContactSettings() {
    }

    public void changeDefaultCountry(String country, Instant now) {
        this.defaultCountry = country;
        this.updatedAt = now;
    }

    public String defaultCountry() {
        return defaultCountry;
    }

    public long version() {
        return version;
    }
}
