package org.optline.messaging.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.optline.messaging.control.inbound.ReplyTexts;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptOutTextsTest {

    /** Reads the bundles as files, because ResourceBundle.Control, which builtIn uses, fails in a named module. */
    @Test
    void everyBuiltInTextIsValid() throws IOException {
        for (String locale : ReplyTexts.LOCALES) {
            String file = "/org/optline/messaging/boundary/MessagingTexts" + (locale.equals("en") ? "" : "_" + locale)
                    + ".properties";
            Properties texts = new Properties();
            try (InputStream in = OptOutTexts.class.getResourceAsStream(file)) {
                assertThat(in).as(file).isNotNull();
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            String builtIn = texts.getProperty("sms.opt_out");

            assertThat(OptOutTexts.validate(builtIn)).as(locale).isEqualTo(builtIn);
        }
    }

    @Test
    void validTextIsTrimmed() {
        assertThat(OptOutTexts.validate("  Text STOP to end, HELP for help:  ")).isEqualTo("Text STOP to end, HELP for help:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Reply stop to opt out", "Reply STOPP to opt out", "Reply NONSTOP to opt out", "Reply END",
            "Reply _STOP_ to opt out", "Reply NO_STOP to opt out"})
    void textWithoutStopWordIsRejected(String text) {
        assertThatThrownBy(() -> OptOutTexts.validate(text)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reply STOP");
    }

    @Test
    void tooLongTextNamesLengths() {
        String text = "Reply STOP to opt out " + "x".repeat(OptOutTexts.MAX_LENGTH);

        assertThatThrownBy(() -> OptOutTexts.validate(text)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining((OptOutTexts.MAX_LENGTH + 22) + " characters").hasMessageContaining("maximum is 160");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Reply STOP\nto opt out", "Reply STOP\r\nto opt out", "Reply STOP\u2028to opt out",
            "Reply STOP\u2029to opt out"})
    void multiLineTextIsRejected(String text) {
        assertThatThrownBy(() -> OptOutTexts.validate(text)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("one line");
    }

    @Test
    void blankTextIsMissing() {
        assertThatThrownBy(() -> OptOutTexts.validate("   ")).isInstanceOf(MissingInputException.class);
    }
}
