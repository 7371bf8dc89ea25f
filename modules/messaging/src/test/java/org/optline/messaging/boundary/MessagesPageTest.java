package org.optline.messaging.boundary;

import org.junit.jupiter.api.Test;
import org.optline.subscriptions.api.PreferenceLinks;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesPageTest {

    @Test
    void sampleLinkHasRealTokenLength() {
        String token = MessagesPage.SAMPLE_LINK_PATH.substring("/p/".length());

        assertThat(MessagesPage.SAMPLE_LINK_PATH).startsWith("/p/");
        assertThat(token).hasSize(PreferenceLinks.TOKEN_LENGTH);
        assertThat(token).matches("[A-Za-z0-9_-]+");
    }
}
