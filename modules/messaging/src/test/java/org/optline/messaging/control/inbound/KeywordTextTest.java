package org.optline.messaging.control.inbound;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordTextTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "Stop.|STOP",
            "STOP!!|STOP",
            "'  stop'|STOP",
            "stopall|STOPALL",
            "Opt out|OPT OUT",
            "'  opt \t  out ! '|OPT OUT",
            "Arrêt|ARRET",
            "¡Ayuda!|AYUDA",
            "« aide »|AIDE",
            "ＳＴＯＰ|STOP",
            "we must stop this bill|WE MUST STOP THIS BILL",
            "'...'|''",
    })
    void normalizes(String text, String expected) {
        assertThat(KeywordText.normalize(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"200B", "FEFF", "2060", "200D", "00AD", "180E", "200C", "200E"})
    void removesFormatCharacters(String codePoint) {
        String invisible = Character.toString(Integer.parseInt(codePoint, 16));

        assertThat(KeywordText.normalize("STOP" + invisible)).isEqualTo("STOP");
        assertThat(KeywordText.normalize(invisible + "STOP")).isEqualTo("STOP");
        assertThat(KeywordText.normalize("ST" + invisible + "OP")).isEqualTo("STOP");
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "opt-out|OPT OUT",
            "Opt_Out|OPT OUT",
            "stop-all|STOP ALL",
            "STOP_ALL|STOP ALL",
            "stop – all|STOP ALL",
            "-STOP-|STOP",
            "' STOP　'|STOP",
            "'STOP\\r\\n\\t'|STOP",
    })
    void readsDashesAsSpaces(String text, String expected) {
        assertThat(KeywordText.normalize(text.translateEscapes())).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"STOP 🛑, STOP", "🙂 help, HELP", "👍🏽 stop 👨‍👩‍👧, STOP"})
    void trimsSymbols(String text, String expected) {
        assertThat(KeywordText.normalize(text)).isEqualTo(expected);
    }
}
