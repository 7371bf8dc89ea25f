package org.optline.it.segments;

import jakarta.json.Json;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.optline.it.support.ApiClient;
import org.optline.it.support.Browser;
import org.optline.it.support.Http;
import org.optline.it.support.LocalOptline;
import org.optline.it.support.OptlineDeployment;
import org.optline.it.support.PageSession;
import org.optline.it.support.TestCredentials;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin in headless Chromium saves the contacts list's filter as a segment, changes its conditions
 * while the count follows, previews the audience under a live SMS type, and finds the segment listed
 * with its size.
 */
@ExtendWith(ArquillianExtension.class)
class SegmentsBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return OptlineDeployment.packagedWar();
    }

    @ArquillianResource
    URL deployment;

    private Browser browser;

    @AfterEach
    void quitBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void adminSavesAndPreviewsSegment() {
        URI base = LocalOptline.base(deployment);
        ApiClient api = new ApiClient(base, TestCredentials.apiToken());
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String domain = "browse-" + unique + ".example.com";
        String type = liveSmsOptIn(api, "Browser deals " + unique);
        String optedIn = contact(api, "optedin@" + domain, "+12015550131");
        contact(api, "nophone@" + domain, null);
        optIn(api, optedIn, type);
        browser = Browser.start(base);
        browser.useSession(PageSession.signedInAdmin(base));
        String name = "Browser segment " + unique;

        browser.open("/admin/contacts?q=" + domain);
        browser.link("Save as segment").click();
        String savedCount = awaitText("segment-count", "2 contacts match");
        browser.field("Name").sendKeys(name);
        browser.button("Save segment").click();
        String editorPath = browser.await("the saved segment's page", d -> browser.path().matches("/admin/segments/[0-9]+")
                ? browser.path() : null);

        WebElement conditions = browser.field("Conditions");
        conditions.clear();
        conditions.sendKeys("{\"operator\": \"AND\", \"value\": [{\"field\": \"email\", \"operator\": \"$\", \"value\": \"@"
                + domain + "\"}, {\"field\": \"phone_valid\", \"operator\": \"=\", \"value\": true}]}");
        String liveCount = awaitText("segment-count", "1 contact matches");
        new Select(browser.field("Send under")).selectByValue(type);
        browser.button("Preview audience").click();
        String preview = awaitText("audience-preview", "1 of 2");
        browser.button("Save changes").click();
        browser.await("the segments list", d -> browser.path().equals("/admin/segments"));
        WebElement size = browser.driver().findElement(By.cssSelector("[data-segment-size='"
                + editorPath.substring("/admin/segments/".length()) + "']"));

        assertThat(savedCount).contains("2 contacts match");
        assertThat(liveCount).contains("1 contact matches");
        assertThat(preview).contains("1 of 2");
        assertThat(preview).contains("optedin@" + domain);
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains(name);
        assertThat(size.getText()).isEqualTo("1");
    }

    /** Waits until the element with id {@code id} shows {@code text}, and returns its text. */
    private String awaitText(String id, String text) {
        return browser.await("#" + id + " to show '" + text + "'", d -> {
            String shown = d.findElement(By.id(id)).getText();
            return shown.contains(text) ? shown : null;
        });
    }

    private static String liveSmsOptIn(ApiClient api, String name) {
        String body = Json.createObjectBuilder()
                .add("message_type", "sms_message")
                .add("consent_type", "opt_in")
                .add("default_translation", Json.createObjectBuilder().add("name", name).add("description", "")
                        .add("locale", "en"))
                .build().toString();
        HttpResponse<String> created = api.post("/api/subscription_types", body);
        assertThat(created.statusCode()).as("creating type: %s", created.body()).isEqualTo(200);
        String id = Http.json(created).getString("id");
        HttpResponse<String> live = api.post("/api/subscription_types/" + id + "/put_live", "");
        assertThat(live.statusCode()).as("putting type live: %s", live.body()).isEqualTo(200);
        return id;
    }

    private static String contact(ApiClient api, String email, String phone) {
        var body = Json.createObjectBuilder().add("role", "user").add("email", email);
        if (phone != null) {
            body.add("phone", phone);
        }
        HttpResponse<String> created = api.post("/api/contacts", body.build().toString());
        assertThat(created.statusCode()).as("creating contact %s: %s", email, created.body()).isEqualTo(200);
        return Http.json(created).getString("id");
    }

    private static void optIn(ApiClient api, String contactId, String typeId) {
        String body = Json.createObjectBuilder().add("id", typeId).add("consent_type", "opt_in").build().toString();
        HttpResponse<String> response = api.post("/api/contacts/" + contactId + "/subscriptions", body);
        assertThat(response.statusCode()).as("opting in: %s", response.body()).isEqualTo(200);
    }
}
