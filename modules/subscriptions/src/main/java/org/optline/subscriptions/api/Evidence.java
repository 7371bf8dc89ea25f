package org.optline.subscriptions.api;

/**
 * What proves how a consent change happened. Every field may be null where it does not apply.
 *
 * @param ipAddress      the address the request came from
 * @param userAgent      the browser or client that sent it, cut to 512 characters
 * @param conversationId the helpdesk conversation it happened in
 * @param messageId      the message it answered or came in
 * @param shownText      the texts the customer saw
 */
public record Evidence(String ipAddress, String userAgent, Long conversationId, Long messageId, ShownText shownText) {

    public static final Evidence NONE = new Evidence(null, null, null, null, null);

    /** Returns evidence of a web request: its address and user agent. */
    public static Evidence ofRequest(String ipAddress, String userAgent) {
        return new Evidence(ipAddress, userAgent, null, null, null);
    }
}
