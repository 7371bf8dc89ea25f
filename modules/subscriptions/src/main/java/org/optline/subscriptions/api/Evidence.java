package org.optline.subscriptions.api;

/**
 * What proves how a consent change happened. Every field may be null where it does not apply.
 *
 * @param ipAddress      the address the request came from
 * @param userAgent      the browser or client that sent it, cut to 512 characters
 * @param conversationId the helpdesk conversation it happened in
 * @param messageId      the message it answered or came in
 * @param shownText      the texts the customer saw
 * @param keyword        the SMS keyword the customer texted, normalized, such as {@code STOP}
 * @param inboundSmsId   the inbound SMS that made the change (a keyword or a YES confirming an opt-in)
 */
public record Evidence(String ipAddress, String userAgent, Long conversationId, Long messageId, ShownText shownText,
                       String keyword, Long inboundSmsId) {

    public static final Evidence NONE = new Evidence(null, null, null, null, null);

    /** Returns evidence of a change that did not come from an inbound SMS. */
    public Evidence(String ipAddress, String userAgent, Long conversationId, Long messageId, ShownText shownText) {
        this(ipAddress, userAgent, conversationId, messageId, shownText, null, null);
    }

    /** Returns evidence of a change made by an inbound SMS: the keyword it matched and the message. */
    public static Evidence ofInboundSms(String keyword, long inboundSmsId) {
        return new Evidence(null, null, null, null, null, keyword, inboundSmsId);
    }

    /** Returns this evidence with the keyword and the inbound SMS that completed it, such as a YES. */
    public Evidence withInboundSms(String keyword, long inboundSmsId) {
        return new Evidence(ipAddress, userAgent, conversationId, messageId, shownText, keyword, inboundSmsId);
    }

    /** Returns evidence of a web request: its address and user agent. */
    public static Evidence ofRequest(String ipAddress, String userAgent) {
        return new Evidence(ipAddress, userAgent, null, null, null);
    }
}
