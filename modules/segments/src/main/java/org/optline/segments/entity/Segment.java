package org.optline.segments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;

/** A saved contact filter with a name, its conditions kept as Intercom's search query JSON. */
@Entity
@Table(name = "segment")
public class Segment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name", nullable = false, length = 120)
    private String name;

    /** The query JSON, or null for a segment of every contact. */
    @Lob
    @Column(name = "conditions")
    private String conditions;

    @Column(name = "created_by", nullable = false, updatable = false, length = 254)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Segment() {
    }

    public Segment(String name, String conditions, String createdBy, Instant now) {
        this.name = Objects.requireNonNull(name, "name");
        this.conditions = conditions;
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Replaces the name and the conditions; {@code conditions} null matches every contact. */
    public void change(String name, String conditions, Instant now) {
        this.name = Objects.requireNonNull(name, "name");
        this.conditions = conditions;
        this.updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String conditions() {
        return conditions;
    }

    public String createdBy() {
        return createdBy;
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
