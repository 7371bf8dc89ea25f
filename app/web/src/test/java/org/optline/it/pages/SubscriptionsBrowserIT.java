package org.optline.it.pages;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.optline.it.support.ApiClient;
import org.optline.it.support.Browser;
import org.optline.it.support.LocalOptline;
import org.optline.it.support.OptlineDeployment;
import org.optline.it.support.PageSession;
import org.optline.it.support.SubscriptionTypeFixtures;
import org.optline.it.support.TestCredentials;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.optline.it.support.SubscriptionTypeFixtures.unique;

/**
 * The subscription types pages in headless Chromium, as an admin uses them: create, put live, edit,
 * archive and preview, a stale edit, and the page at phone width. Bad input that the browser's own
 * checks would stop is sent over plain HTTP instead, as a script or an altered page could send it.
 */
@ExtendWith(ArquillianExtension.class)
class SubscriptionsBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return OptlineDeployment.packagedWar();
    }

    @ArquillianResource
    URL deployment;

    /** One Chromium for the class, because starting one per test costs time. {@link #signInBrowser()} resets it. */
    private static Browser browser;

    private URI base;
    private SubscriptionTypeFixtures types;

    @BeforeEach
    void connect() {
        base = LocalOptline.base(deployment);
        types = new SubscriptionTypeFixtures(new ApiClient(base, TestCredentials.apiToken()));
    }

    /** Starts Chromium on first use, drops the cookies and window size of the previous test, and signs in as admin. */
    private void signInBrowser() {
        if (browser == null) {
            browser = Browser.start(base);
        }
        browser.reset();
        browser.signIn(TestCredentials.adminEmail(), TestCredentials.adminPassword());
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void newSmsTypeReachesPreview() {
        String suffix = unique();
        String name = "Weekly deals " + suffix;
        String frenchName = "Bons plans " + suffix;
        String archivedName = "Old offers " + suffix;
        String draftName = "Draft news " + suffix;
        String archivedId = types.createSmsOptIn(archivedName, "Offers we no longer send");
        types.putLive(archivedId);
        types.createSmsOptIn(draftName, "Not ready for customers");
        signInBrowser();

        // Create the type in the new-type form.
        browser.open("/admin/subscriptions");
        assertThat(browser.path()).isEqualTo("/admin/subscriptions");
        browser.button("New subscription").click();
        WebElement newForm = browser.await("the new-type form", d -> browser.region("New subscription"));
        browser.field(newForm, "SMS").click();
        browser.field(newForm, "Name").sendKeys(name);
        browser.field(newForm, "Description").sendKeys("Deals every Monday");
        browser.field(newForm, "Opt-in: message a contact only after they opt in").click();
        browser.button(newForm, "Save as draft").click();

        browser.awaitMessage(editor(), "Created draft \u201C" + name + "\u201D");
        WebElement draft = typeIn("Draft", name);
        assertThat(draft.getText()).contains("Deals every Monday");
        assertThat(draft.getText()).contains("SMS");
        assertThat(draft.getText()).contains("Opt-in");

        // Put it live.
        browser.button("Put " + name + " live").click();
        browser.awaitMessage(editor(), "\u201C" + name + "\u201D is live.");
        typeIn("Live", name);
        assertThat(typesIn("Draft", name)).isEmpty();
        assertThat(browser.buttons("Put " + name + " live")).isEmpty();

        // Edit its description and add a French translation. The message and consent type stay read-only.
        browser.button("Edit " + name).click();
        WebElement editForm = browser.await("the edit form", d -> browser.region("Edit \u201C" + name + "\u201D"));
        assertThat(definition(editForm, "Message type")).isEqualTo("SMS (fixed at creation)");
        assertThat(definition(editForm, "Consent type")).isEqualTo("Opt-in (fixed at creation)");
        assertThat(editForm.findElements(By.name("message_type"))).isEmpty();
        assertThat(editForm.findElements(By.name("consent_type"))).isEmpty();
        WebElement description = browser.field(editForm, "Description (en)");
        description.clear();
        description.sendKeys("Deals every Monday, with coupons");
        browser.field(editForm, "Language code").sendKeys("fr");
        browser.field(editForm, "Translated name").sendKeys(frenchName);
        browser.field(editForm, "Translated description").sendKeys("Des offres chaque lundi");
        browser.button(editForm, "Save changes").click();

        browser.awaitMessage(editor(), "Saved \u201C" + name + "\u201D.");
        WebElement live = browser.await("the new description in the list", d -> {
            WebElement item = browser.labelled(browser.region("Live"), name);
            return item.getText().contains("with coupons") ? item : null;
        });
        assertThat(live.getText()).containsPattern("Locales:\\s+en\\s+fr");

        // Archive the other type, which was live.
        browser.button("Archive " + archivedName).click();
        assertThat(browser.acceptConfirm()).contains("cannot be put live again");
        browser.awaitMessage(editor(), "\u201C" + archivedName + "\u201D is archived.");
        typeIn("Archived", archivedName);
        assertThat(typesIn("Live", archivedName)).isEmpty();
        assertThat(browser.buttons("Edit " + archivedName)).isEmpty();
        assertThat(browser.buttons("Archive " + archivedName)).isEmpty();

        // The preview in English shows the live type, unticked, and neither the archived nor the draft type.
        browser.link("Preview SMS preference center").click();
        browser.await("the preview", d -> browser.path().equals("/admin/subscriptions/preview"));
        WebElement choice = browser.field(name);
        assertThat(choice.getAttribute("type")).isEqualTo("checkbox");
        assertThat(choice.isSelected()).isFalse();
        assertThat(describedText(choice)).isEqualTo("Deals every Monday, with coupons");
        assertThat(browser.labels(archivedName)).isEmpty();
        assertThat(browser.labels(draftName)).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain(archivedName);
        assertThat(browser.driver().getPageSource()).doesNotContain(draftName);
        assertThat(browser.driver().findElement(By.id("preview-save-note")).getText())
                .contains("the buttons change nothing");

        // The preview in French shows the translation.
        new Select(browser.field("Language")).selectByValue("fr");
        browser.button("Show").click();
        browser.await("the French preview", d -> "locale=fr".equals(browser.query()));
        WebElement frenchChoice = browser.field(frenchName);
        assertThat(describedText(frenchChoice)).isEqualTo("Des offres chaque lundi");
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.labels(name)).isEmpty();
        assertThat(browser.labels(archivedName)).isEmpty();
        assertThat(browser.labels(draftName)).isEmpty();

        // The API stores what the pages showed.
        assertThat(types.find(archivedId).getString("state")).isEqualTo("archived");
    }

    @Test
    void staleEditShowsConflict() {
        String name = "Race " + unique();
        String id = types.createSmsOptIn(name, "original");
        signInBrowser();
        browser.open("/admin/subscriptions");
        browser.button("Edit " + name).click();
        WebElement editForm = browser.await("the edit form", d -> browser.region("Edit \u201C" + name + "\u201D"));

        types.reword(id, name, "changed through the API");
        WebElement description = browser.field(editForm, "Description (en)");
        description.clear();
        description.sendKeys("changed in the browser");
        browser.button(editForm, "Save changes").click();

        WebElement conflict = browser.awaitMessage(browser.driver(), "changed by someone else");
        assertThat(conflict.getAttribute("role")).isEqualTo("alert");
        assertThat(conflict.getText()).contains("Nothing was saved");
        assertThat(conflict.getText()).contains("Reload");
        JsonObject stored = types.find(id);
        assertThat(stored.getJsonObject("default_translation").getString("description"))
                .isEqualTo("changed through the API");
    }

    @Test
    void pageWorksAtPhoneWidth() {
        String name = "Phone " + unique();
        types.createSmsOptIn(name, "Shown on a small screen");
        signInBrowser();
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open("/admin/subscriptions");

        long viewportWidth = number("return window.innerWidth");
        assertThat(viewportWidth).isEqualTo(390);
        WebElement toggler = browser.button("Toggle navigation");
        assertThat(toggler.isDisplayed()).isTrue();
        assertThat(browser.link("Subscriptions").isDisplayed()).isFalse();
        toggler.click();
        browser.await("the navigation to expand", d -> browser.link("Subscriptions").isDisplayed());
        assertThat(toggler.getAttribute("aria-expanded")).isEqualTo("true");

        assertThat(number("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(viewportWidth);
        WebElement edit = browser.button("Edit " + name);
        assertThat(edit.isDisplayed()).isTrue();
        assertThat(edit.getRect().getX() + edit.getRect().getWidth()).isLessThanOrEqualTo((int) viewportWidth);
        edit.click();
        WebElement editForm = browser.await("the edit form", d -> browser.region("Edit \u201C" + name + "\u201D"));
        assertThat(browser.field(editForm, "Name (en)").getAttribute("value")).isEqualTo(name);
    }

    @Test
    void emptyNameFromPageRejected() {
        PageSession admin = PageSession.signedIn(base, TestCredentials.adminEmail(), TestCredentials.adminPassword());
        String description = "Nameless " + unique();

        HttpResponse<String> response = admin.htmxPost("/admin/subscriptions", "message_type", "sms_message",
                "consent_type", "opt_in", "locale", "en", "name", "", "description", description);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(alertText(response)).contains("Name is missing");
        assertThat(alertText(response)).contains("Enter up to 100 characters");
        assertThat(response.headers().firstValue("HX-Retarget")).hasValue("#flash");
        assertThat(types.listBody()).doesNotContain(description);
    }

    @Test
    void oversizedDescriptionFromPageRejected() {
        PageSession admin = PageSession.signedIn(base, TestCredentials.adminEmail(), TestCredentials.adminPassword());
        String name = "Too long " + unique();

        HttpResponse<String> response = admin.htmxPost("/admin/subscriptions", "message_type", "sms_message",
                "consent_type", "opt_in", "locale", "en", "name", name, "description", "x".repeat(10_000));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(alertText(response)).contains("Description is 10000 characters long");
        assertThat(alertText(response)).contains("the maximum is 500. Shorten it.");
        assertThat(types.listBody()).doesNotContain(name);
    }

    @Test
    void emptyNameFromEditChangesNothing() {
        PageSession admin = PageSession.signedIn(base, TestCredentials.adminEmail(), TestCredentials.adminPassword());
        String name = "Kept " + unique();
        String id = types.createSmsOptIn(name, "before");
        String version = PageSession.document(admin.get("/admin/subscriptions/" + id + "/edit"))
                .select("input[name=version]").val();

        HttpResponse<String> response = admin.htmxPost("/admin/subscriptions/" + id, "version", version,
                "default_locale", "en", "locale", "en", "name", " ", "description", "after");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(alertText(response)).contains("Name (en) is missing");
        JsonObject stored = types.find(id).getJsonObject("default_translation");
        assertThat(stored.getString("name")).isEqualTo(name);
        assertThat(stored.getString("description")).isEqualTo("before");
    }

    @Test
    void postWithoutFormNamesContentType() {
        PageSession admin = PageSession.signedIn(base, TestCredentials.adminEmail(), TestCredentials.adminPassword());
        String id = types.createSmsOptIn("No form " + unique(), "Stays a draft");

        HttpResponse<String> response = admin.htmxPostWithoutForm("/admin/subscriptions/" + id + "/put-live");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(alertText(response)).contains("sent no Content-Type");
        assertThat(alertText(response)).contains("application/x-www-form-urlencoded");
        assertThat(types.find(id).getString("state")).isEqualTo("draft");
    }

    private WebElement editor() {
        return browser.region("Subscription editor");
    }

    /** Waits until the list group {@code group} (Live, Draft or Archived) shows the type named {@code name}. */
    private WebElement typeIn(String group, String name) {
        return browser.await(name + " under " + group, d -> browser.labelled(browser.region(group), name));
    }

    private List<WebElement> typesIn(String group, String name) {
        return browser.allLabelled(browser.region(group), name);
    }

    /** Returns the text of the description term named {@code term}, as in a read-only field. */
    private static String definition(WebElement scope, String term) {
        return scope.findElement(By.xpath(".//dt[normalize-space()='" + term + "']/following-sibling::dd[1]"))
                .getText().strip();
    }

    /** Returns the text of the element that {@code control}'s aria-describedby points to. */
    private static String describedText(WebElement control) {
        String id = control.getAttribute("aria-describedby");
        assertThat(id).as("aria-describedby of " + control.getAccessibleName()).isNotBlank();
        return browser.driver().findElement(By.id(id)).getText().strip();
    }

    private static long number(String script) {
        return ((Number) ((JavascriptExecutor) browser.driver()).executeScript(script)).longValue();
    }

    private static String alertText(HttpResponse<String> response) {
        return PageSession.document(response).select("[role=alert]").text();
    }
}
