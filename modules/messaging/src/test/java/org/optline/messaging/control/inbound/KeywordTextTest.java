package org.optline.messaging.control.inbound;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @ParameterizedTest
    @CsvSource({"STOP 🛑, STOP", "🙂 help, HELP"})
    void trimsSymbols(String text, String expected) {
        assertThat(KeywordText.normalize(text)).isEqualTo(expected);
    }
}
