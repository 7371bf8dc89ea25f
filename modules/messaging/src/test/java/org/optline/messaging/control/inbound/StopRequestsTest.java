package org.optline.messaging.control.inbound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StopRequestsTest {

    /** The built-in opt-out keywords of every language, as the migration seeds them. */
    private static final Set<String> OPT_OUT_WORDS = Set.of("STOP", "STOPALL", "STOP ALL", "UNSUBSCRIBE", "CANCEL",
            "END", "QUIT", "REVOKE", "OPTOUT", "OPT OUT", "EXIT", "ARRET", "STOPP", "ABMELDEN", "BAJA", "ALTO");

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
        assertThat(StopRequests.readsAsStopRequest(body, OPT_OUT_WORDS)).as(body).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "STOP please",
            "please stop",
            "STOP!!! please",
            "Stop. Stop. Stop.",
            "I said STOP",
            "stop\u200b please",
            "opt-out now please",
            "Arrêt svp",
    })
    void shortTextsWithKeywordGoToReview(String body) {
        assertThat(StopRequests.readsAsStopRequest(body, OPT_OUT_WORDS)).as(body).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Arrêtez de m'envoyer des SMS s'il vous plaît",
            "Je ne veux plus recevoir vos messages",
            "Merci de ne plus recevoir de publicité",
            "Ne m’envoyez plus rien",
            "Désabonnez-moi",
            "Bitte keine SMS mehr",
            "Ich möchte keine Nachrichten mehr von Ihnen",
            "Bitte abbestellen, danke",
            "Por favor no me envíen más mensajes",
            "Dejen de enviar mensajes a este número",
            "Quiero darme de baja",
    })
    void otherLanguagesGoToReview(String body) {
        assertThat(StopRequests.readsAsStopRequest(body, OPT_OUT_WORDS)).as(body).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "we must stop this bill",
            "stop by the store tomorrow?",
            "what time do you open",
            "my order never came, can you check it?",
            "Nous devons arrêter ce projet de loi",
            "",
            "   ",
    })
    void ordinaryMessagesAreNot(String body) {
        assertThat(StopRequests.readsAsStopRequest(body, OPT_OUT_WORDS)).as(body).isFalse();
    }

    @Test
    void shortTextUsingWordOtherwiseGoesToReview() {
        // Four words or fewer with an opt-out keyword go to an agent, who dismisses a review like this one.
        assertThat(StopRequests.readsAsStopRequest("Can't stop smiling, thanks!", OPT_OUT_WORDS)).isTrue();
    }

    @Test
    void longMessageAskingToStopGoesToReview() {
        String body = "Hi, I signed up for your offers last year when I bought a sofa and they were useful, but now "
                + "I have moved far away from your store. Please stop texting me, thanks.";

        assertThat(body).hasSize(163);
        assertThat(StopRequests.readsAsStopRequest(body, OPT_OUT_WORDS)).isTrue();
    }

    @Test
    void longMessageWithKeywordIsNot() {
        String body = "we must stop this bill " + "and here is a long story about my week ".repeat(10);

        assertThat(StopRequests.readsAsStopRequest(body, OPT_OUT_WORDS)).isFalse();
    }

    @Test
    void bodyOverMaximumIsNot() {
        String body = "please stop texting me " + "x".repeat(InboundMessages.MAX_BODY_LENGTH);

        assertThat(StopRequests.readsAsStopRequest(body, OPT_OUT_WORDS)).isFalse();
    }

    @Test
    void keywordsComeFromCaller() {
        assertThat(StopRequests.readsAsStopRequest("HALT please", OPT_OUT_WORDS)).isFalse();
        assertThat(StopRequests.readsAsStopRequest("HALT please", Set.of("HALT"))).isTrue();
    }
}
