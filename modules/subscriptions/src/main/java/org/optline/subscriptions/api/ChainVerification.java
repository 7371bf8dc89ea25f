package org.optline.subscriptions.api;

/**
 * The result of checking a contact's consent chain: every event's hash recomputed, every link to the
 * previous event followed, the head and the current state compared with the last events.
 *
 * @param events  how many events the chain has
 * @param problem what is wrong, naming the first broken event, or null when the chain is intact
 */
public record ChainVerification(long contactId, int events, String headHash, String problem) {

    public boolean intact() {
        return problem == null;
    }
}
