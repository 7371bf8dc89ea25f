package org.optline.helpdesk.boundary;

import org.optline.helpdesk.api.Channel;
import org.optline.helpdesk.api.ConversationView;
import org.optline.platform.SmsCounter;

/**
 * The reply box of a conversation. Public because the generated template classes read it.
 *
 * @param smsNumber the contact's number with all but the last four digits hidden, when replies go out
 *                  by SMS; null on the messenger
 * @param body      the text to show in the box again, after a rejected reply; empty otherwise
 * @param error     why the last reply was rejected, or null
 */
public record ReplyBox(long conversationId, boolean sms, String smsNumber, String body, String error) {

    /** Returns an empty reply box for the conversation. */
    static ReplyBox empty(ConversationView conversation, String maskedPhone) {
        return rejected(conversation, maskedPhone, "", null);
    }

    /** Returns the box with the text the agent sent and why it was rejected. */
    static ReplyBox rejected(ConversationView conversation, String maskedPhone, String body, String error) {
        boolean sms = conversation.channel() == Channel.SMS;
        return new ReplyBox(conversation.id(), sms, sms ? maskedPhone : null, body == null ? "" : body, error);
    }

    /** Returns the ids of the texts that describe the box, for {@code aria-describedby}, or null when there are none. */
    public String describedBy() {
        String ids = ((sms ? "reply-channel reply-size " : "") + (error == null ? "" : "reply-error")).strip();
        return ids.isEmpty() ? null : ids;
    }

    /** Returns the SMS size of the text in the box. */
    public SmsCounter.Count size() {
        return SmsCounter.count(body);
    }
}
