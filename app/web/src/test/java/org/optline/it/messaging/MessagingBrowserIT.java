package org.optline.it.messaging;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.optline.it.messaging.MessagingFixtures.OutboxMessage;
import org.optline.it.support.ApiClient;
import org.optline.it.support.Browser;
import org.optline.it.support.LocalPayara;
import org.optline.it.support.PageSession;
import org.optline.it.support.TestCredentials;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin's whole outbound SMS in Chromium: save a segment, compose under a live opt-in type with the
 * audience preview, send, and read the outbox. Then the customer opens the link in the message and opts
 * out in the preference center, and the contact's consent history shows the opt-out. The test starts its own Payara
 * Micro with quiet hours of one second, so that nothing is held whatever the time of day.
 */
class MessagingBrowserIT {

    private static final List<String> SETTINGS = List.of("optline.sms.quiet-hours.start=00:00:00",
            "optline.sms.quiet-hours.end=00:00:01", "optline.public.url=https://sms.optline.invalid");
    private static final Pattern LINK = Pattern.compile("https://sms\\.optline\\.invalid(/p/[A-Za-z0-9_-]+)$");

    @Test
    void adminSendsAndCustomerOptsOut() {
        try (LocalPayara payara = LocalPayara.start("messaging-browser", SETTINGS);
             Browser browser = Browser.start(payara.base())) {
            String tag = MessagingFixtures.unique();
            String domain = "browser-" + tag + ".example.com";
            MessagingFixtures fixtures = new MessagingFixtures(new ApiClient(payara.base(), TestCredentials.apiToken()),
                    PageSession.signedInAdmin(payara.base()));
            String typeName = "Flash sales " + tag;
            String type = fixtures.smsType(typeName, "opt_in", "live");
            String adaPhone = MessagingFixtures.tokyoMobile();
            long ada = fixtures.contact("Ada Lovelace", "ada@" + domain, adaPhone);
            long bob = fixtures.contact("Bob Stranger", "bob@" + domain, MessagingFixtures.tokyoMobile());
            fixtures.attach(ada, type);
            browser.signIn(TestCredentials.adminEmail(), TestCredentials.adminPassword());

            browser.open("/admin/segments/new");
            browser.field("Name").sendKeys("Browser customers " + tag);
            browser.field("Conditions").sendKeys("{\"field\":\"email\",\"operator\":\"$\",\"value\":\"@" + domain + "\"}");
            browser.button("Save segment").click();
            browser.await("the saved segment's page", driver -> browser.path().matches("/admin/segments/[0-9]+"));

            browser.open("/admin/messages");
            new Select(browser.field("Subscription type")).selectByVisibleText(typeName + " (Opt-in)");
            new Select(browser.field("Segment")).selectByVisibleText("Browser customers " + tag);
            browser.field("Message").sendKeys("Hi {{first_name}}, 20% off today.");
            String sample = browser.await("the final text of the typed message", driver -> {
                List<WebElement> found = driver.findElements(By.id("compose-sample"));
                return !found.isEmpty() && found.getFirst().getText().startsWith("Hi Ada") ? found.getFirst().getText() : null;
            });
            String audience = browser.driver().findElement(By.id("compose-audience")).getText();
            String excluded = browser.driver().findElement(By.id("compose-excluded")).getText();
            browser.button("Send").click();
            browser.await("the send's page", driver -> browser.path().matches("/admin/messages/[0-9]+"));
            long send = Long.parseLong(browser.path().substring("/admin/messages/".length()));
            browser.await("the send to be done", Duration.ofMinutes(2),
                    driver -> driver.findElement(By.id("send-state")).getText().equals("Done"));
            String sent = browser.driver().findElement(By.id("send-sent")).getText();
            String sendPage = browser.driver().findElement(By.tagName("main")).getText();

            browser.open("/admin/outbox");
            String outboxPage = browser.driver().findElement(By.tagName("main")).getText();
            List<Map.Entry<Long, OutboxMessage>> outbox = MessagingFixtures.outbox(send);

            assertThat(audience).isEqualTo("1 of 2 matching contacts will receive it");
            assertThat(excluded).contains("Not opted in: 1");
            assertThat(sample).startsWith("Hi Ada, 20% off today.");
            assertThat(sent).isEqualTo("1");
            assertThat(sendPage).contains("Browser customers " + tag);
            assertThat(outbox).extracting(Map.Entry::getKey).containsExactly(ada);
            assertThat(outboxPage).contains(adaPhone).contains("Hi Ada, 20% off today.");
            assertThat(MessagingFixtures.recipients(send)).containsOnlyKeys(ada).doesNotContainKey(bob);

            Matcher link = LINK.matcher(outbox.getFirst().getValue().body());
            assertThat(link.find()).as("preference link in: %s", outbox.getFirst().getValue().body()).isTrue();
            browser.driver().manage().deleteAllCookies();
            browser.open(link.group(1));
            WebElement toggle = browser.field(typeName);
            assertThat(toggle.isSelected()).as("switch of %s before the change", typeName).isTrue();
            toggle.click();
            browser.button("Save preferences").click();
            browser.await("the saved message", driver -> driver.getPageSource().contains("Your preferences are saved."));
            boolean switchedOff = !browser.field(typeName).isSelected();

            browser.signIn(TestCredentials.adminEmail(), TestCredentials.adminPassword());
            browser.open("/admin/contacts/" + ada);
            WebElement history = browser.await("the consent history with the opt-out", driver -> {
                WebElement section = driver.findElement(By.id("consent-history"));
                return section.getText().contains("Opted out") ? section : null;
            });

            assertThat(switchedOff).as("switch of %s after saving", typeName).isTrue();
            assertThat(history.getText()).contains(typeName + " · Opted out").contains("preference center");
        }
    }
}
