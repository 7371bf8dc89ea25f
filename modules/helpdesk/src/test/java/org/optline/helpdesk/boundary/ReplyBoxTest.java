package org.optline.helpdesk.boundary;

import org.junit.jupiter.api.Test;
import org.optline.helpdesk.api.Channel;
import org.optline.helpdesk.api.ConversationState;
import org.optline.helpdesk.api.ConversationView;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyBoxTest {

    private static final Instant NOW = Instant.parse("2025-03-14T09:26:53Z");

    @Test
    void smsBoxShowsMaskedNumber() {
        ReplyBox box = ReplyBox.empty(conversation(Channel.SMS), "+1******0142");

        assertThat(box.sms()).isTrue();
        assertThat(box.smsNumber()).isEqualTo("+1******0142");
        assertThat(box.describedBy()).isEqualTo("reply-channel reply-size");
        assertThat(box.size().parts()).isZero();
    }

    @Test
    void messengerBoxHasNoNumber() {
        ReplyBox box = ReplyBox.empty(conversation(Channel.MESSENGER), "+1******0142");

        assertThat(box.sms()).isFalse();
        assertThat(box.smsNumber()).isNull();
        assertThat(box.describedBy()).isNull();
    }

    @Test
    void rejectedBoxKeepsTextAndReason() {
        ReplyBox box = ReplyBox.rejected(conversation(Channel.SMS), "+1******0142", "See you at 5", "Texted STOP");

        assertThat(box.body()).isEqualTo("See you at 5");
        assertThat(box.error()).isEqualTo("Texted STOP");
        assertThat(box.describedBy()).isEqualTo("reply-channel reply-size reply-error");
        assertThat(box.size().units()).isEqualTo(12);
    }

    private static ConversationView conversation(Channel channel) {
        return new ConversationView(7, 3, channel, ConversationState.OPEN, null, NOW, NOW, 0);
    }
}
