package org.optline.app.archfixture.alpha.api;

import jakarta.ws.rs.NotFoundException;

/** Breaks the JAX-RS exception rule by extending a subclass of WebApplicationException in an api package. */
public class AlphaGone extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public AlphaGone(long id) {
        super("Alpha " + id + " was not found.");
    }
}
