package org.optline.subscriptions.api;

import java.util.Optional;

/**
 * Tells whether a phone number is blocked: it texted STOP, or its carrier reported an opt-out, and it has
 * not texted START since, so the provider refuses every text to it whatever consent is recorded. The
 * messaging module, which receives the texts, implements it as a CDI bean.
 */
public interface NumberBlockCheck {

    /** Returns SMS_KEYWORD or CARRIER when {@code e164} is blocked, by what blocked it; empty otherwise. */
    Optional<ConsentSource> blockedBy(String e164);

    /**
     * Returns an SQL condition that is true when the number in {@code phoneColumn} is blocked, so that a
     * query over many contacts checks them all in one statement, such as the segments module's
     * audience preview. The caller passes a trusted column reference such as {@code c.phone}, never input.
     */
    String blockedSql(String phoneColumn);
}
