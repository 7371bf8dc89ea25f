package org.optline.app.archfixture.alpha.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.optline.app.archfixture.alpha.api.AlphaView;

/** An entity in alpha's entity package, where it belongs, so it breaks no rule. */
@Entity
public class AlphaRecord {

    @Id
    private Long id;

    private String name;

    public AlphaView view() {
        return new AlphaView(id, name);
    }
}
