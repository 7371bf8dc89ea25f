package org.optline.it.messaging;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.optline.it.support.ApiClient;
import org.optline.it.support.LocalOptline;
import org.optline.it.support.OptlineDeployment;
import org.optline.it.support.PageSession;
import org.optline.it.support.TestCredentials;
import org.optline.platform.SmsCounter;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live check of the compose page over HTTP. The size always counts the opt-out text and the
 * preference link, and an unknown placeholder gets the error that sending gives. The sample link is
 * marked as an example, beside a working link to the admin preview of the preference center. Each test
 * uses a new type that nobody opted in to, so the sample is a contact without attributes.
 */
@ExtendWith(ArquillianExtension.class)
class ComposeCheckIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return OptlineDeployment.packagedWar();
    }

    @ArquillianResource
    URL deployment;

    private PageSession admin;
    private MessagingFixtures fixtures;

    @BeforeEach
    void signIn() {
        URI base = LocalOptline.base(deployment);
        admin = PageSession.signedInAdmin(base);
        fixtures = new MessagingFixtures(new ApiClient(base, TestCredentials.apiToken()), admin);
    }

    private Document check(String type, String body) {
        return PageSession.document(admin.htmxPost("/admin/messages/check", "subscription_type_id", type,
                "segment_id", "", "body", body));
    }

    @Test
    void unknownPlaceholderKeepsFooterInSize() {
        String type = fixtures.smsType("Compose " + MessagingFixtures.unique(), "opt_in", "live");
        String valid = "Hi there, the sale starts now.";
        String unknown = "Hi {{nonexistent}}, the sale starts now.";

        String sample = check(type, valid).selectFirst("#compose-sample").wholeText();
        String footer = sample.substring(valid.length());
        Document unknownCheck = check(type, unknown);
        Document emptyCheck = check(type, "");
        HttpResponse<String> sent = fixtures.compose(unknown, type, null);

        assertThat(footer).startsWith("\nReply STOP").contains("/p/");
        assertThat(unknownCheck.selectFirst("#compose-size").text())
                .isEqualTo(SmsCounter.count(unknown + footer).summary());
        assertThat(unknownCheck.selectFirst("#compose-size-note").text()).contains("counted as typed");
        assertThat(unknownCheck.selectFirst("#compose-error").text())
                .contains("Unknown placeholder {{nonexistent}}").contains("Use {{name}}, {{first_name}}");
        assertThat(unknownCheck.selectFirst("#compose-sample")).isNull();
        assertThat(emptyCheck.selectFirst("#compose-size").text()).isEqualTo(SmsCounter.count(footer).summary());
        assertThat(sent.statusCode()).isEqualTo(400);
        assertThat(PageSession.document(sent).text()).contains("Unknown placeholder {{nonexistent}}");
    }

    @Test
    void sampleLinkIsMarkedExample() {
        String name = "Example link " + MessagingFixtures.unique();
        String type = fixtures.smsType(name, "opt_in", "live");

        Document check = check(type, "Hello");
        String sample = check.selectFirst("#compose-sample").wholeText();
        Element note = check.selectFirst("#compose-sample-link");
        String previewPath = note.selectFirst("a").attr("href");
        HttpResponse<String> preview = admin.get(previewPath);

        assertThat(sample).as("sample ends with a link of the real token length").matches("(?s).*/p/[A-Za-z0-9_-]{22}");
        assertThat(note.text()).contains("an example").contains("not a working link");
        assertThat(previewPath).isEqualTo("/admin/subscriptions/preview?locale=en");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains(name);
    }
}
