package org.optline.helpdesk.control.messenger;

import org.junit.jupiter.api.Test;
import org.optline.platform.InvalidInputException;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllowedOriginsTest {

    @Test
    void validOriginsAreNormalized() {
        assertThat(AllowedOrigins.normalize("https://Shop.Example")).contains("https://shop.example");
        assertThat(AllowedOrigins.normalize("https://shop.example:443")).contains("https://shop.example");
        assertThat(AllowedOrigins.normalize("https://shop.example:8443")).contains("https://shop.example:8443");
        assertThat(AllowedOrigins.normalize("http://localhost:3000")).contains("http://localhost:3000");
        assertThat(AllowedOrigins.normalize("http://127.0.0.1:8081")).contains("http://127.0.0.1:8081");
        assertThat(AllowedOrigins.normalize("https://shop.example:65535")).contains("https://shop.example:65535");
        assertThat(AllowedOrigins.normalize("http://localhost:1")).contains("http://localhost:1");
    }

    @Test
    void invalidOriginsAreRejected() {
        for (String origin : new String[]{null, "", "shop.example", "http://shop.example", "https://shop.example/",
                "https://shop.example/path", "https://shop.example?x=1", "https://shop.example#x",
                "https://user@shop.example", "ftp://shop.example", "javascript:alert(1)", "null", "https://",
                "https://shop.example:0", "https://shop.example:99999", "http://localhost:65536"}) {
            assertThat(AllowedOrigins.normalize(origin)).as("origin %s", origin).isEqualTo(Optional.empty());
        }
    }

    @Test
    void listIsParsedWithoutDuplicates() {
        assertThat(AllowedOrigins.parse("https://a.example\nhttps://A.example, http://localhost:8080  https://b.example"))
                .containsExactly("https://a.example", "http://localhost:8080", "https://b.example");
        assertThat(AllowedOrigins.parse("  \n ")).isEmpty();
    }

    @Test
    void slashCopiedFromTheAddressBarIsDropped() {
        assertThat(AllowedOrigins.parse("https://Shop.example/ http://localhost:8080/"))
                .containsExactly("https://shop.example", "http://localhost:8080");
        assertThatThrownBy(() -> AllowedOrigins.parse("https://shop.example//"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'https://shop.example//'");
        assertThatThrownBy(() -> AllowedOrigins.parse("https://"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'https://'");
    }

    @Test
    void invalidEntryIsNamed() {
        assertThatThrownBy(() -> AllowedOrigins.parse("https://a.example\nhttps://b.example/shop"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'https://b.example/shop'")
                .hasMessageContaining("no path");
    }

    @Test
    void settingsAllowOnlyListedOrigins() {
        MessengerSettings settings = new MessengerSettings(AllowedOrigins.parse("https://shop.example"), "s", "k",
                java.time.Instant.EPOCH, 0);

        assertThat(settings.allows("https://shop.example")).isTrue();
        assertThat(settings.allows("https://SHOP.example:443")).isTrue();
        assertThat(settings.allows("https://evil.example")).isFalse();
        assertThat(settings.allows("http://shop.example")).isFalse();
        assertThat(settings.allows(null)).isFalse();
    }
}
