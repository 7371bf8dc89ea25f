package org.optline.messaging.control.inbound;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyTextsTest {

    @Test
    void everyKindHasEveryTranslation() {
        for (ReplyKind kind : ReplyKind.values()) {
            for (String locale : ReplyTexts.LOCALES) {
                String text = ReplyTexts.builtIn(kind, locale);
                for (String name : kind.required()) {
                    assertThat(text).as("%s in %s", kind, locale).contains("{" + name + "}");
                }
                assertThat(text.length()).as("%s in %s", kind, locale).isLessThanOrEqualTo(ReplyTexts.MAX_LENGTH);
            }
        }
    }

    @Test
    void frenchHelpIsFrench() {
        assertThat(ReplyTexts.builtIn(ReplyKind.HELP, "fr")).contains("Pour obtenir de l’aide");
    }

    @Test
    void doubleOptInNamesSubscriptionAndDays() {
        assertThat(ReplyTexts.builtIn(ReplyKind.DOUBLE_OPT_IN, "en")).contains("{subscription}").contains("YES")
                .contains("30 days");
    }

    @Test
    void fillKeepsUnknownPlaceholders() {
        assertThat(ReplyTexts.fill("{business}: {other} {business}", Map.of("business", "Acme $1")))
                .isEqualTo("Acme $1: {other} Acme $1");
    }
}
