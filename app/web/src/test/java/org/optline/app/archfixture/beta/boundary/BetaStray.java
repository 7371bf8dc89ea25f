package org.optline.app.archfixture.beta.boundary;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Breaks the entity rule by being an entity outside an entity package. */
@Entity
public class BetaStray {

    @Id
    private Long id;

    public Long id() {
        return id;
    }
}
