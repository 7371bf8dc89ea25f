package org.optline.app.archfixture.alpha.control;

import jakarta.ws.rs.BadRequestException;

/** Breaks the JAX-RS exception rule by throwing a JAX-RS exception from a control package. */
public final class AlphaChecks {

    private AlphaChecks() {
    }

    public static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new BadRequestException("name is missing.");
        }
    }
}
