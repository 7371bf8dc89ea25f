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
import org.optline.it.support.Browser;
import org.optline.it.support.LocalOptline;
import org.optline.it.support.OptlineDeployment;
import org.optline.it.support.PageSession;
import org.optline.it.support.TestCredentials;
import org.optline.it.support.TestDatabase;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.optline.it.contacts.ContactFixtures.unique;

/**
 * The contacts list with its bulk actions, a contact's profile with its consent panels, bulk job pages
 * and the settings page in headless Chromium, as an admin uses them. Subscription types come from the
 * API; contacts that a test only starts from are created over HTTP, so each test drives the browser
 * through its own subject.
 */
@ExtendWith(ArquillianExtension.class)
class ContactsBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return OptlineDeployment.packagedWar();
    }

    @ArquillianResource
    URL deployment;

    /** How many contacts the bulk unsubscribe test changes. */
    private static final int CROWD = 300;
    /** A worker claims a job within about a second and changes a few hundred contacts in one chunk, so this is ample. */
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(2);
    private static final Dimension PHONE = new Dimension(390, 844);

    /** One Chromium for the class, because starting it per test costs seconds; each test takes over a new session. */
    private static Browser browser;

    private ContactFixtures fixtures;

    @BeforeEach
    void signIn() {
        URI base = LocalOptline.base(deployment);
        PageSession admin = PageSession.signedInAdmin(base);
        fixtures = new ContactFixtures(new ApiClient(base, TestCredentials.apiToken()), admin);
        if (browser == null) {
            browser = Browser.start(base);
        }
        browser.useSession(admin);
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

    /** Waits until the list's count reads exactly {@code count}, such as "3 contacts match", and returns the results' text. */
    private String awaitCount(String count) {
        browser.await("the contacts list to count '" + count + "'",
                d -> d.findElement(By.id("contact-count")).getText().equals(count));
        return browser.driver().findElement(By.id("contact-results")).getText();
    }

    /**
     * Waits for the bulk action bar's subscription type field and returns it. The bar may render after
     * the list's count on a busy machine, and a lookup right after the count then found no field.
     */
    private WebElement bulkTypeField() {
        return browser.await("the bulk action bar's subscription type field", d -> browser.field("Subscription type"));
    }

    /** Waits until the bulk action bar offers the scope {@code label}, and returns its radio button. */
    private WebElement awaitScope(String label) {
        return browser.await("the bulk actions to offer '" + label + "'", d -> browser.field(label));
    }

    /** Waits until the confirmation step shows {@code question}, and returns the confirmation's text. */
    private String awaitConfirmation(String question) {
        return browser.await("the confirmation '" + question + "'", d -> {
            String text = d.findElement(By.id("bulk-confirm")).getText();
            return text.contains(question) ? text : null;
        });
    }

    /** Waits for the job page the confirmation sends the browser to, and returns the job id. */
    private String awaitJobPage() {
        String path = browser.await("the bulk job page", d -> browser.path().matches("/admin/bulk-jobs/[0-9]+") ? browser.path() : null);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Waits until the job page's live status starts with {@code state}, and returns the status. */
    private String awaitJobState(String state) {
        return browser.await("the job page to show " + state, JOB_TIMEOUT, d -> {
            String status = d.findElement(By.id("job-progress-text")).getText();
            return status.startsWith(state + ":") ? status : null;
        });
    }

    /** Returns the value of the term {@code term}, such as "Source", in the profile's consent event {@code seq}. */
    private String eventDetail(int seq, String term) {
        return browser.labelled("Consent event " + seq)
                .findElement(By.xpath(".//dt[normalize-space()='" + term + "']/following-sibling::dd[1]"))
                .getText();
    }

    private WebElement progressBar() {
        return browser.driver().findElement(By.id("job-progress-bar"));
    }

    private String jobCount(String outcome) {
        return browser.driver().findElement(By.id("job-" + outcome)).getText();
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
        assertThat(awaitCount("0 contacts match")).doesNotContain(optedOut);

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
        awaitCount("2 contacts match");
        WebElement selectAll = browser.labelled("Select all contacts on this page");

        selectAll.click();

        assertThat(browser.labelled("Select " + word + " Ana").isSelected()).isTrue();
        assertThat(browser.labelled("Select " + word + " Bo").isSelected()).isTrue();
        browser.labelled("Select " + word + " Bo").click();
        assertThat(selectAll.isSelected()).isFalse();
        assertThat(browser.labelled("Select " + word + " Ana").isSelected()).isTrue();
        assertThat(awaitScope("The selected contact").isSelected()).isTrue();
        assertThat(browser.driver().findElement(By.id("bulk-selected")).getText()).isEqualTo("1 selected");
    }

    @Test
    void bulkUnsubscribeOverFilterReachesDone() {
        String typeName = "Crowd texts " + unique();
        String typeOption = typeName + " (SMS, opt-in)";
        String typeId = fixtures.liveSmsOptIn(typeName);
        String word = "Crowd" + unique();
        List<String> crowd = new ArrayList<>();
        for (int i = 0; i < CROWD; i++) {
            String contactId = fixtures.apiContact(word + " " + i, String.format("+1 201 555 %04d", i));
            fixtures.apiOptIn(contactId, typeId);
            crowd.add(contactId);
        }
        browser.open("/admin/contacts");

        new Select(browser.field(typeOption)).selectByVisibleText("Opted in");
        assertThat(awaitCount(CROWD + " contacts match")).contains(word);
        WebElement everyMatch = awaitScope("All " + CROWD + " contacts that match the current filter");
        assertThat(everyMatch.isSelected()).isTrue();
        everyMatch.click();
        new Select(bulkTypeField()).selectByVisibleText(typeOption);
        browser.button("Unsubscribe users").click();
        String confirmation = awaitConfirmation("Unsubscribe all " + CROWD + " contacts that match the current filter from \u201C"
                + typeName + "\u201D?");
        String progressBefore;
        String maxBefore;
        String statusBefore;
        String finishedBefore;
        String jobId;
        // While one contact's chain is locked, the job's only chunk waits, so the page shows the job before any change.
        try (TestDatabase.RowLock held = TestDatabase.lockConsentChain(Long.parseLong(crowd.getLast()))) {
            browser.button("Unsubscribe " + CROWD + " contacts").click();
            jobId = awaitJobPage();
            progressBefore = progressBar().getAttribute("value");
            maxBefore = progressBar().getAttribute("max");
            statusBefore = browser.driver().findElement(By.id("job-progress-text")).getText();
            finishedBefore = browser.driver().findElement(By.id("job-finished")).getText();
        }
        String statusDone = awaitJobState("Done");
        // The finish time arrives with the polling that reports the job done, without a reload.
        String finishedDone = browser.await("the finish time", d -> {
            String text = d.findElement(By.id("job-finished")).getText();
            return text.equals("\u2013") ? null : text;
        });

        assertThat(confirmation).contains("survives a restart");
        assertThat(progressBefore).isEqualTo("0");
        assertThat(maxBefore).isEqualTo(String.valueOf(CROWD));
        assertThat(statusBefore).contains("0 of " + CROWD + " contacts (0%)");
        assertThat(finishedBefore).isEqualTo("\u2013");
        assertThat(finishedDone).matches(".*[0-9]{2}:[0-9]{2}.*");
        assertThat(browser.driver().findElement(By.id("job-started")).getText()).isNotEqualTo("\u2013");
        assertThat(statusDone).isEqualTo("Done: " + CROWD + " of " + CROWD + " contacts (100%)");
        assertThat(progressBar().getAttribute("value")).isEqualTo(String.valueOf(CROWD));
        assertThat(jobCount("changed")).isEqualTo(String.valueOf(CROWD));
        assertThat(jobCount("already")).isEqualTo("0");
        assertThat(jobCount("refused")).isEqualTo("0");
        assertThat(browser.driver().findElement(By.id("job-progress-text")).getAttribute("aria-live")).isEqualTo("polite");

        browser.open("/admin/contacts");
        new Select(browser.field(typeOption)).selectByVisibleText("Opted out");
        assertThat(awaitCount(CROWD + " contacts match")).contains(word + " 0");
        new Select(browser.field(typeOption)).selectByVisibleText("Opted in");
        assertThat(awaitCount("0 contacts match")).doesNotContain(word);

        browser.open("/admin/contacts/" + crowd.getFirst());
        awaitRegion("Consent history", "bulk action");
        assertThat(browser.labelled("Consent event 2").getText()).contains(typeName + " \u00B7 Opted out");
        assertThat(eventDetail(2, "Source")).isEqualTo("bulk action");
        assertThat(eventDetail(2, "Actor")).isEqualTo("admin " + TestCredentials.adminEmail());
        assertThat(eventDetail(2, "Bulk job")).isEqualTo(jobId);
        assertThat(eventDetail(1, "Source")).isEqualTo("API");
    }

    @Test
    void tickedContactsAloneAreSubscribedOnPhone() {
        String typeName = "Picked texts " + unique();
        String typeOption = typeName + " (SMS, opt-in)";
        String typeId = fixtures.liveSmsOptIn(typeName);
        String word = "Picked" + unique();
        fixtures.contact(word + " Ana", "", "201 555 0151");
        fixtures.contact(word + " Bo", "", "201 555 0152");
        fixtures.contact(word + " Cy", "", "201 555 0153");
        browser.driver().manage().window().setSize(PHONE);
        browser.open("/admin/contacts?q=" + word);
        awaitCount("3 contacts match");

        browser.labelled("Select " + word + " Ana").click();
        browser.labelled("Select " + word + " Cy").click();
        boolean tickedChosen = awaitScope("The 2 selected contacts").isSelected();
        JavascriptExecutor script = (JavascriptExecutor) browser.driver();
        long pageWidth = (Long) script.executeScript("return document.documentElement.scrollWidth;");
        long viewportWidth = (Long) script.executeScript("return document.documentElement.clientWidth;");
        String selected = browser.driver().findElement(By.id("bulk-selected")).getText();
        new Select(bulkTypeField()).selectByVisibleText(typeOption);
        browser.button("Subscribe users").click();
        String confirmation = awaitConfirmation("Subscribe 2 contacts to \u201C" + typeName + "\u201D?");
        browser.button("Subscribe 2 contacts").click();
        awaitJobPage();
        awaitJobState("Done");

        assertThat(tickedChosen).isTrue();
        assertThat(selected).isEqualTo("2 selected");
        assertThat(pageWidth).isLessThanOrEqualTo(viewportWidth);
        assertThat(confirmation).doesNotContain("match the current filter");
        assertThat(jobCount("changed")).isEqualTo("2");
        browser.open("/admin/contacts?q=" + word + "&subscription_type." + typeId + "=opted_in");
        String optedIn = awaitCount("2 contacts match");
        assertThat(optedIn).contains(word + " Ana");
        assertThat(optedIn).contains(word + " Cy");
        assertThat(optedIn).doesNotContain(word + " Bo");
    }

    @Test
    void barKeepsTypeWhenSelectionChanges() {
        String typeName = "Kept texts " + unique();
        String typeOption = typeName + " (SMS, opt-in)";
        fixtures.liveSmsOptIn(typeName);
        String word = "Kept" + unique();
        fixtures.contact(word + " Ana", "", "");
        fixtures.contact(word + " Bo", "", "");
        browser.open("/admin/contacts?q=" + word);
        awaitCount("2 contacts match");
        new Select(bulkTypeField()).selectByVisibleText(typeOption);
        browser.field("Override reason (optional)").sendKeys("Signed the paper form");
        browser.button("Subscribe users").click();
        awaitConfirmation("Subscribe all 2 contacts that match the current filter");

        browser.labelled("Select all contacts on this page").click();
        awaitScope("The 2 selected contacts");

        assertThat(new Select(browser.field("Subscription type")).getFirstSelectedOption().getText()).isEqualTo(typeOption);
        assertThat(browser.field("Override reason (optional)").getAttribute("value")).isEqualTo("Signed the paper form");
        assertThat(browser.driver().findElement(By.id("bulk-confirm")).getText()).isEmpty();
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
        assertThat(awaitCount("0 contacts match")).doesNotContain(name);
    }

    @Test
    void listFitsPhoneWidth() {
        String name = "Narrow " + unique();
        fixtures.contact(name, name.replace(' ', '.').toLowerCase() + "@a-rather-long-domain.example.com", "201 555 0147");
        browser.driver().manage().window().setSize(PHONE);

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
