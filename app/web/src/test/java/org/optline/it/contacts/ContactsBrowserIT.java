package org.optline.it.contacts;

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
import org.optline.it.support.LocalOptline;
import org.optline.it.support.OptlineDeployment;
import org.optline.it.support.TestCredentials;

import java.net.URI;
import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;
import static org.optline.it.contacts.ContactFixtures.unique;

/**
 * The contacts list, a contact's profile with its consent panels, and the settings page in headless
 * Chromium, as an admin uses them. Subscription types come from the API; contacts that a test only
 * starts from are created over HTTP, so each test drives the browser through its own subject.
 */
@ExtendWith(ArquillianExtension.class)
class ContactsBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return OptlineDeployment.packagedWar();
    }

    @ArquillianResource
    URL deployment;

    /** One Chromium for the class, because starting it per test costs seconds; each test takes over a new session. */
    private static HeadlessChromium browser;

    private ContactFixtures fixtures;

    @BeforeEach
    void signIn() {
        URI base = LocalOptline.base(deployment);
        AdminSession admin = AdminSession.signIn(base, TestCredentials.adminEmail(), TestCredentials.adminPassword());
        fixtures = new ContactFixtures(new ApiClient(base, TestCredentials.apiToken()), admin);
        if (browser == null) {
            browser = HeadlessChromium.start(base);
        }
        browser.useSession(admin.cookies());
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** Waits until the alert region shows {@code text}, and returns the region's text. */
    private String awaitFlash(String text) {
        return browser.await("the alert region to show '" + text + "'", d -> {
            String regionText = d.findElement(By.id("flash")).getText();
            return regionText.contains(text) ? regionText : null;
        });
    }

    /** Waits until the region under {@code heading} shows {@code text}, and returns the region's text. */
    private String awaitRegion(String heading, String text) {
        return browser.await("'" + heading + "' to show '" + text + "'", d -> {
            String regionText = browser.region(heading).getText();
            return regionText.contains(text) ? regionText : null;
        });
    }

    private String awaitResults(String text) {
        return browser.await("the contacts list to show '" + text + "'", d -> {
            String regionText = d.findElement(By.id("contact-results")).getText();
            return regionText.contains(text) ? regionText : null;
        });
    }

    @Test
    void profileToggleRecordsAndVerifiesConsent() {
        String typeName = "Texts " + unique();
        fixtures.liveSmsOptIn(typeName);
        String name = "Toggle " + unique();
        browser.open("/admin/contacts");

        browser.button("New contact").click();
        browser.await("the new-contact form", d -> browser.field("Name"));
        browser.field("Name").sendKeys(name);
        browser.field("Email").sendKeys(name.replace(' ', '-').toLowerCase() + "@example.com");
        browser.field("Phone").sendKeys("(201) 555-0143");
        browser.button("Create contact").click();
        browser.await("the link to the new profile", d -> browser.link("Open the profile of " + name)).click();
        browser.await("the profile of " + name, d -> browser.path().matches("/admin/contacts/[0-9]+"));

        assertThat(browser.labelled("Contact details").getText()).contains("+1 201-555-0143");
        WebElement toggle = browser.await("the switch of " + typeName, d -> browser.field(typeName));
        assertThat(toggle.isSelected()).isFalse();
        assertThat(awaitRegion("Subscription preferences", "Not set (opt-in type: not subscribed)")).contains(typeName);

        toggle.click();
        assertThat(awaitFlash("Opted in to " + typeName)).contains("event 1");
        String history = awaitRegion("Consent history", "Opted in");
        assertThat(history).contains(typeName);
        assertThat(history).contains("admin toggle");
        assertThat(history).contains("admin " + TestCredentials.adminEmail());
        assertThat(history).contains("+12015550143");
        assertThat(awaitRegion("Subscription preferences", "Explicit opt-in on")).contains(typeName);
        assertThat(browser.field(typeName).isSelected()).isTrue();

        browser.button("Verify record").click();
        assertThat(awaitRegion("Consent history", "Intact: 1 event,")).contains("head hash");

        browser.field(typeName).click();
        assertThat(awaitFlash("Opted out of " + typeName)).contains("event 2");
        browser.await("the second consent event", d -> browser.labelled("Consent event 2"));
        assertThat(awaitRegion("Subscription preferences", "Opted out via admin toggle")).contains(typeName);
        assertThat(browser.field(typeName).isSelected()).isFalse();
        browser.button("Verify record").click();
        assertThat(awaitRegion("Consent history", "Intact: 2 events,")).contains("head hash");
    }

    @Test
    void listFiltersByOptInState() {
        String typeName = "Filtered " + unique();
        String typeId = fixtures.liveSmsOptIn(typeName);
        String optedOut = "Opted out " + unique();
        String untouched = "Untouched " + unique();
        String optedOutId = fixtures.contact(optedOut, "", "201 555 0144");
        fixtures.contact(untouched, "", "201 555 0145");
        fixtures.toggle(optedOutId, typeId, true);
        fixtures.toggle(optedOutId, typeId, false);
        browser.open("/admin/contacts");

        new Select(browser.field(typeName + " (SMS, opt-in)")).selectByVisibleText("Opted out");
        assertThat(awaitResults("1 contact matches")).contains(optedOut);
        String address = browser.await("the address to show the filter",
                d -> d.getCurrentUrl().contains("subscription_type.") ? d.getCurrentUrl() : null);
        assertThat(address).contains("subscription_type." + typeId + "=opted_out");

        new Select(browser.field(typeName + " (SMS, opt-in)")).selectByVisibleText("Opted in");
        assertThat(awaitResults("0 contacts match")).doesNotContain(optedOut);

        new Select(browser.field(typeName + " (SMS, opt-in)")).selectByVisibleText("Not set");
        browser.field("Search").sendKeys(untouched);
        assertThat(awaitResults("1 contact matches")).contains(untouched);
        assertThat(browser.links(optedOut)).isEmpty();
    }

    @Test
    void selectAllTicksEveryRowOnPage() {
        String word = "Team" + unique();
        fixtures.contact(word + " Ana", "", "");
        fixtures.contact(word + " Bo", "", "");
        browser.open("/admin/contacts?q=" + word);
        awaitResults("2 contacts match");
        WebElement selectAll = browser.labelled("Select all contacts on this page");

        selectAll.click();

        assertThat(browser.labelled("Select " + word + " Ana").isSelected()).isTrue();
        assertThat(browser.labelled("Select " + word + " Bo").isSelected()).isTrue();
        browser.labelled("Select " + word + " Bo").click();
        assertThat(selectAll.isSelected()).isFalse();
        assertThat(browser.labelled("Select " + word + " Ana").isSelected()).isTrue();
        assertThat(browser.driver().findElement(By.id("bulk-actions")).getText()).isEmpty();
    }

    @Test
    void invalidPhoneShowsAlertAndKeepsForm() {
        String name = "Typo " + unique();
        browser.open("/admin/contacts");
        browser.button("New contact").click();
        browser.await("the new-contact form", d -> browser.field("Name"));

        browser.field("Name").sendKeys(name);
        browser.field("Phone").sendKeys("12345");
        browser.button("Create contact").click();

        assertThat(awaitFlash("'12345' is not a valid phone number")).contains("+44 20 7946 0958");
        assertThat(browser.field("Name").getAttribute("value")).isEqualTo(name);
        assertThat(browser.links("Open the profile of " + name)).isEmpty();
    }

    @Test
    void editSavesInPlace() {
        String name = "Before " + unique();
        String renamed = "After " + unique();
        String contactId = fixtures.contact(name, "", "201 555 0146");
        browser.open("/admin/contacts/" + contactId);

        browser.button("Edit " + name).click();
        WebElement nameField = browser.await("the edit form", d -> browser.field("Name"));
        nameField.clear();
        nameField.sendKeys(renamed);
        browser.button("Save changes").click();

        assertThat(awaitRegion("Contact details", "Saved the changes to " + renamed)).contains(renamed);
        assertThat(browser.labelled("Contact details").getText()).contains("+1 201-555-0146");
    }

    @Test
    void deleteAsksThenReturnsToList() {
        String name = "Leaving " + unique();
        String contactId = fixtures.contact(name, "", "");
        browser.open("/admin/contacts/" + contactId);

        browser.button("Delete " + name).click();
        String question = browser.acceptConfirm();

        assertThat(question).contains("Delete " + name);
        browser.await("the contacts list", d -> browser.path().equals("/admin/contacts"));
        browser.field("Search").sendKeys(name);
        assertThat(awaitResults("0 contacts match")).doesNotContain(name);
    }

    @Test
    void listFitsPhoneWidth() {
        String name = "Narrow " + unique();
        fixtures.contact(name, name.replace(' ', '.').toLowerCase() + "@a-rather-long-domain.example.com", "201 555 0147");
        browser.driver().manage().window().setSize(new Dimension(390, 844));

        browser.open("/admin/contacts?q=" + name.replace(' ', '+'));
        awaitResults(name);

        JavascriptExecutor script = (JavascriptExecutor) browser.driver();
        long pageWidth = (Long) script.executeScript("return document.documentElement.scrollWidth;");
        long viewportWidth = (Long) script.executeScript("return document.documentElement.clientWidth;");
        assertThat(pageWidth).isLessThanOrEqualTo(viewportWidth);
        assertThat(browser.link(name).isDisplayed()).isTrue();
    }

    @Test
    void settingsShowDefaultCountryByName() {
        browser.open("/admin/settings");

        Select country = new Select(browser.field("Default country"));

        assertThat(country.getFirstSelectedOption().getText()).isEqualTo("United States (US, +1)");
        assertThat(country.getOptions()).extracting(WebElement::getText).contains("United Kingdom (GB, +44)");
        assertThat(browser.link("Settings").getAttribute("aria-current")).isEqualTo("page");
    }
}
