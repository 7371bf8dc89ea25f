package org.optline.subscriptions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The stored name and description of a subscription type in one locale. */
@Embeddable
public class Wording {

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "description", nullable = false, length = 500)
    private String description;

    protected Wording() {
    }

    public Wording(String name, String description) {
        this.name = name;
        this.description = description;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }
}
