package org.optline.helpdesk.api;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Signed tokens that authenticate the messenger widget without cookies, so that it works on other
 * sites with third-party cookies blocked.
 */
@ApplicationScoped
public class MessengerTokens {

    /**
     * Returns the visitor of a token whose signature is valid and which has not expired, or empty for
     * any other value, without saying why.
     */
    public Optional<MessengerVisitor> verify(String token) {
        throw new UnsupportedOperationException("Messenger tokens are not built yet.");
    }
}
