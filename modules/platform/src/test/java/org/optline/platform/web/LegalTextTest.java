package org.optline.platform.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LegalTextTest {

    @Test
    void scriptIsRemovedWithItsCode() {
        String html = LegalText.sanitize("Terms<script>alert('x')</script> apply");

        assertThat(html).doesNotContain("script");
        assertThat(html).doesNotContain("alert");
        assertThat(html).isEqualTo("Terms apply");
    }

    @Test
    void eventHandlerAttributesAreRemoved() {
        String html = LegalText.sanitize("<img src=x onerror=alert(1)><b onclick=\"steal()\">Bold</b>");

        assertThat(html).doesNotContain("onerror");
        assertThat(html).doesNotContain("onclick");
        assertThat(html).doesNotContain("<img");
        assertThat(html).isEqualTo("<b>Bold</b>");
    }

    @Test
    void javascriptLinkKeepsOnlyItsText() {
        String html = LegalText.sanitize("<a href=\"javascript:alert(1)\">Terms</a>");

        assertThat(html).doesNotContain("javascript");
        assertThat(html).doesNotContain("<a");
        assertThat(html).isEqualTo("Terms");
    }

    @Test
    void httpLinkKeepsOnlyItsText() {
        String html = LegalText.sanitize("See <a href=\"http://shop.example/terms\">terms</a>.");

        assertThat(html).doesNotContain("http:");
        assertThat(html).isEqualTo("See terms.");
    }

    @Test
    void httpsLinkIsKeptAndOpensSafely() {
        Document html = Jsoup.parseBodyFragment(LegalText.sanitize("<a href=\"https://shop.example/terms\" "
                + "rel=\"opener\" target=\"_self\" style=\"color:red\">Terms</a>"));

        Element link = html.selectFirst("a");
        assertThat(link).isNotNull();
        assertThat(link.attr("href")).isEqualTo("https://shop.example/terms");
        assertThat(link.attr("rel")).isEqualTo("noopener noreferrer nofollow");
        assertThat(link.attr("target")).isEqualTo("_blank");
        assertThat(link.hasAttr("style")).isFalse();
        assertThat(link.text()).isEqualTo("Terms");
    }

    @Test
    void allowedFormattingStays() {
        String html = LegalText.sanitize("<p><strong>Msg</strong> &amp; <em>data</em> rates<br>may <i>apply</i>, <b>STOP</b></p>");

        assertThat(html).isEqualTo("<p><strong>Msg</strong> &amp; <em>data</em> rates<br>may <i>apply</i>, <b>STOP</b></p>");
    }

    @Test
    void otherTagsKeepTheirTextEscaped() {
        String html = LegalText.sanitize("<div><u>Consent</u> is not a condition of purchase</div> 1 < 2");

        assertThat(html).isEqualTo("Consent is not a condition of purchase 1 &lt; 2");
    }

    @Test
    void blankTextBecomesEmpty() {
        assertThat(LegalText.sanitize(null)).isEmpty();
        assertThat(LegalText.sanitize("  \n ")).isEmpty();
    }

    @Test
    void sanitizingTwiceChangesNothing() {
        String once = LegalText.sanitize("<p>Reply <b>STOP</b> to end. <a href=\"https://shop.example/t?a=1&b=2\">Terms</a>"
                + "<script>x()</script> 5 > 4 &amp; \"quoted\"</p>");

        assertThat(LegalText.sanitize(once)).isEqualTo(once);
    }
}
