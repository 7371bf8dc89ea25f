package org.optline.it.helpdesk;

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
import org.optline.it.support.Browser;
import org.optline.it.support.LocalOptline;
import org.optline.it.support.OptlineDeployment;
import org.optline.it.support.PageSession;

import java.net.URI;
import java.net.URL;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.optline.it.helpdesk.InboxFixtures.contact;
import static org.optline.it.helpdesk.InboxFixtures.signedInAgent;
import static org.optline.it.helpdesk.InboxFixtures.startConversations;
import static org.optline.it.helpdesk.InboxFixtures.state;
import static org.optline.it.support.SubscriptionTypeFixtures.unique;

/**
 * The agent inbox in headless Chromium: a conversation that shows new messenger messages without a
 * reload, replies, closing and reopening, and the "New message" page at phone width.
 */
@ExtendWith(ArquillianExtension.class)
class InboxBrowserIT {

    private static final Dimension PHONE = new Dimension(390, 844);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return OptlineDeployment.packagedWar();
    }

    @ArquillianResource
    URL deployment;

    /** One Chromium for the class, because starting it per test costs seconds; each test takes over a new session. */
    private static Browser browser;

    private URI base;
    private PageSession agent;

    @BeforeEach
    void signIn() {
        base = LocalOptline.base(deployment);
        agent = signedInAgent(base, PageSession.signedInAdmin(base));
        if (browser == null) {
            browser = Browser.start(base);
        }
        browser.useSession(agent);
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void conversationUpdatesWithoutReload() {
        MessengerCustomer customer = MessengerCustomer.arrive(base);
        long conversation = customer.write("Hello, anyone there? " + unique());
        browser.open("/inbox");
        browser.driver().findElement(By.cssSelector("a[href='/inbox/conversations/" + conversation + "']")).click();
        browser.await("the conversation page", driver -> browser.path().equals("/inbox/conversations/" + conversation));
        WebElement log = browser.labelled("Messages");
        markPage();

        String question = "Is my parcel on its way? " + unique();
        customer.write(question);

        browser.await("the customer's message without reload", driver -> log.getText().contains(question));
        assertThat(log.findElements(By.cssSelector("article[data-kind=customer_message]"))).hasSize(2);
        assertPageNotReloaded();

        browser.field("Reply").sendKeys("Yes, it ships today.");
        browser.button("Send reply").click();

        browser.await("the agent's reply in the log", driver -> log.getText().contains("Yes, it ships today."));
        browser.await("an empty reply box", driver -> browser.field("Reply").getDomProperty("value").isEmpty());
        assertThat(log.findElements(By.cssSelector("article[data-kind=agent_message]"))).hasSize(1);

        browser.button("Opt-in form").click();
        WebElement panel = browser.driver().findElement(By.id("app-panel"));
        browser.await("the opt-in form composer in the app panel",
                driver -> !panel.findElements(By.cssSelector("form")).isEmpty());
        assertPageNotReloaded();

        browser.button("Close conversation").click();

        browser.await("the reopen button", driver -> !browser.buttons("Reopen conversation").isEmpty());
        browser.await("the close event line", driver -> log.getText().contains("Closed by"));
        assertThat(state(conversation)).isEqualTo("CLOSED");

        browser.button("Reopen conversation").click();

        browser.await("the close button", driver -> !browser.buttons("Close conversation").isEmpty());
        browser.await("the reopen event line", driver -> log.getText().contains("Reopened by"));
        assertThat(state(conversation)).isEqualTo("OPEN");
        assertPageNotReloaded();
    }

    @Test
    void newMessageAtPhoneWidth() {
        String tag = "Phone " + unique();
        long first = contact(tag + " A");
        long second = contact(tag + " B");
        browser.driver().manage().window().setSize(PHONE);
        browser.open("/inbox/new");

        browser.field("Find contacts by name, email or phone number").sendKeys(tag);
        browser.await("two matching contacts", driver -> browser.labels(tag + " A 1").size() == 1
                && browser.labels(tag + " B 1").size() == 1);
        browser.field(tag + " A 1").click();
        browser.field(tag + " B 1").click();
        browser.field("Message").sendKeys("We have news for you");
        browser.button("Send").click();

        WebElement created = browser.await("the list of new conversations", driver -> browser.labelled("New conversations"));
        List<WebElement> links = created.findElements(By.tagName("a"));
        assertThat(links).extracting(WebElement::getText).containsExactly(tag + " A 1", tag + " B 1");
        Long width = (Long) ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.scrollWidth");
        assertThat(width).as("page width at %s", PHONE).isLessThanOrEqualTo(PHONE.getWidth());

        links.getFirst().click();
        browser.await("the first conversation", driver -> browser.path().startsWith("/inbox/conversations/"));
        assertThat(browser.labelled("Messages").getText()).contains("We have news for you");
        Long conversationWidth = (Long) ((JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth");
        assertThat(conversationWidth).as("conversation page width at %s", PHONE).isLessThanOrEqualTo(PHONE.getWidth());
        assertThat(PageSession.document(agent.get("/inbox/contacts/" + first + "/conversations"))
                .select("a")).hasSize(1);
        assertThat(PageSession.document(agent.get("/inbox/contacts/" + second + "/conversations"))
                .select("a")).hasSize(1);
    }

    /** Sets a marker on the window that a reload would remove. */
    private static void markPage() {
        ((JavascriptExecutor) browser.driver()).executeScript("window.optlineNotReloaded = true;");
    }

    private static void assertPageNotReloaded() {
        Object marker = ((JavascriptExecutor) browser.driver())
                .executeScript("return window.optlineNotReloaded === true;");
        assertThat(marker).as("marker set before the update").isEqualTo(true);
    }
}
