package org.optline.messaging.control.inbound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class StopRequestsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "please stop texting me",
            "Stop sending me messages!",
            "don't text me anymore",
            "Don’t text me anymore",
            "do not send me texts again",
            "remove me from your list",
            "Take me off the list please",
            "unsubscribe me",
            "Please unsubscribe",
            "I want to opt out",
            "opt me out",
            "No more texts please",
    })
    void stopRequestsGoToReview(String body) {
        assertThat(StopRequests.readsAsStopRequest(body)).as(body).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "we must stop this bill",
            "stop by the store tomorrow?",
            "Can't stop smiling, thanks!",
            "what time do you open",
            "",
            "   ",
    })
    void ordinaryMessagesAreNot(String body) {
        assertThat(StopRequests.readsAsStopRequest(body)).as(body).isFalse();
    }

    @Test
    void longMessagesAreNot() {
        String body = "please stop texting me " + "and here is a long story about my week ".repeat(10);
        assertThat(StopRequests.readsAsStopRequest(body)).isFalse();
    }
}
