package org.optline.optinform.control;

import org.junit.jupiter.api.Test;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormContentTest {

    @Test
    void emptyButtonMeansDefault() {
        FormContent content = FormContent.typed("Get 10% off", "  ", null);

        assertThat(content.button()).isEmpty();
        assertThat(content.shownButton("Je m\u2019inscris")).isEqualTo("Je m\u2019inscris");
        assertThat(FormContent.typed("Deals", "Join", null).shownButton("Sign Up Now")).isEqualTo("Join");
        assertThat(content.legalHtml()).isEmpty();
    }

    @Test
    void titleAndButtonKeepMarkupAsText() {
        FormContent content = FormContent.typed("<script>alert(1)</script> Deals", "<b>Join</b>", "");

        assertThat(content.title()).isEqualTo("<script>alert(1)</script> Deals");
        assertThat(content.button()).isEqualTo("<b>Join</b>");
    }

    @Test
    void legalTextIsSanitized() {
        FormContent content = FormContent.typed("Deals", "", "<p onclick=x()>Msg rates apply<script>x()</script></p>");

        assertThat(content.legalHtml()).isEqualTo("<p>Msg rates apply</p>");
    }

    @Test
    void missingTitleIsRejected() {
        assertThatThrownBy(() -> FormContent.typed(" ", "Join", ""))
                .isInstanceOf(MissingInputException.class)
                .hasMessageContaining("Form title");
    }

    @Test
    void longButtonIsRejected() {
        assertThatThrownBy(() -> FormContent.typed("Deals", "x".repeat(FormContent.MAX_BUTTON + 1), ""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Button text")
                .hasMessageContaining(String.valueOf(FormContent.MAX_BUTTON));
    }

    @Test
    void sameTextsHaveSameHash() {
        assertThat(new FormContent("a", "b", "c").sha256()).isEqualTo(new FormContent("a", "b", "c").sha256());
        assertThat(new FormContent("a", "b", "c").sha256()).hasSize(64);
    }

    @Test
    void movedCharactersChangeHash() {
        assertThat(new FormContent("ab", "c", "").sha256()).isNotEqualTo(new FormContent("a", "bc", "").sha256());
        assertThat(new FormContent("a", "b", "c").sha256()).isNotEqualTo(new FormContent("a", "b", "C").sha256());
    }
}
