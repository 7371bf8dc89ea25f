package org.optline.it.messenger;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import jakarta.json.Json;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.optline.it.support.ApiClient;
import org.optline.it.support.Http;
import org.optline.it.support.TestCredentials;
import org.optline.it.support.TestDatabase;
import org.optline.it.support.Browser;
import org.optline.it.support.LocalOptline;
import org.optline.it.support.MessengerAdmin;
import org.optline.it.support.OptlineDeployment;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The messenger as a customer meets it: on a website of another origin, in Chromium with third-party
 * cookies blocked, driven by keyboard and found by accessible names.
 *
 * <p>NOTE: the shop and Optline differ only in port on 127.0.0.1, which browsers count as one site, so
 * blocking third-party cookies alone would not stop a cookie between them. The test therefore also
 * checks that using the messenger leaves no cookie at all.
 */
@ExtendWith(ArquillianExtension.class)
class WidgetBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return OptlineDeployment.packagedWar();
    }

    @ArquillianResource
    URL deployment;

    private URI base;
    private ShopPage shop;
    private Browser customer;

    @BeforeEach
    void start() {
        base = LocalOptline.base(deployment);
        shop = ShopPage.start(base);
        new MessengerAdmin(base).allowOrigins(shop.origin());
        customer = Browser.startBlockingThirdPartyCookies(base);
    }

    @AfterEach
    void stop() {
        customer.close();
        shop.close();
    }

    @Test
    void customerWritesFromForeignSite() {
        WebDriver driver = customer.driver();
        LocalOptline.requireLoopback(shop.page());
        driver.get(shop.page().toString());

        WebElement launcher = customer.await("the messenger launcher", d -> customer.button("Open messenger"));
        assertThat(launcher.getAttribute("aria-expanded")).isEqualTo("false");
        String panelId = launcher.getAttribute("aria-controls");
        assertThat(driver.findElement(By.id(panelId)).isDisplayed()).isFalse();

        launcher.sendKeys(Keys.ENTER);

        customer.await("the launcher to report the messenger open", d -> "true".equals(launcher.getAttribute("aria-expanded")));
        assertThat(launcher.getAttribute("aria-label")).isEqualTo("Close messenger");
        WebElement frame = customer.await("the messenger frame", d -> d.findElement(By.cssSelector("#" + panelId + " iframe")));
        assertThat(frame.getAttribute("title")).isEqualTo("Messenger");
        assertThat(frame.getAttribute("src")).startsWith(base.getScheme() + "://" + base.getAuthority() + "/messenger/frame");
        assertThat(frame.getAttribute("src")).doesNotContain("token");
        assertThat(frame.getAttribute("data-token")).isNull();

        driver.switchTo().frame(frame);
        WebElement message = customer.await("the composer", d -> customer.field("Your message"));
        assertThat(driver.switchTo().activeElement()).isEqualTo(message);
        assertThat(driver.getCurrentUrl()).doesNotContain("token");
        String text = "Do you deliver on Sundays? " + UUID.randomUUID();
        message.sendKeys(text, Keys.ENTER);

        WebElement log = driver.findElement(By.cssSelector("[role=log]"));
        customer.await("the message in the conversation", d -> log.getText().contains(text));
        assertThat(customer.field("Your message").getAttribute("value")).isEmpty();
        assertThat(driver.manage().getCookies()).as("cookies of 127.0.0.1 after using the messenger").isEmpty();

        customer.field("Your message").sendKeys(Keys.ESCAPE);
        driver.switchTo().defaultContent();

        customer.await("the messenger to close", d -> !driver.findElement(By.id(panelId)).isDisplayed());
        assertThat(launcher.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(driver.switchTo().activeElement()).isEqualTo(launcher);

        launcher.click();
        driver.switchTo().frame(driver.findElement(By.cssSelector("#" + panelId + " iframe")));
        customer.await("the earlier message after reopening",
                d -> d.findElement(By.cssSelector("[role=log]")).getText().contains(text));
    }

    @Test
    void messengerFollowsPageLocale() {
        WebDriver driver = customer.driver();
        LocalOptline.requireLoopback(shop.germanPage());
        driver.get(shop.germanPage().toString());

        WebElement launcher = customer.await("the German launcher", d -> customer.button("Messenger öffnen"));
        launcher.click();
        WebElement frame = customer.await("the messenger frame", d -> d.findElement(By.cssSelector(".optline-panel iframe")));
        driver.switchTo().frame(frame);

        customer.await("the German composer", d -> customer.field("Ihre Nachricht"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        assertThat(customer.button("Messenger schließen")).isNotNull();
    }

    @Test
    void agentInsertsFormCustomerOptsIn() {
        String typeName = "Bakery texts " + UUID.randomUUID().toString().substring(0, 8);
        long typeId = liveSmsType(typeName);
        String title = "Texts about fresh bread " + UUID.randomUUID().toString().substring(0, 8);
        WebDriver driver = customer.driver();
        driver.get(shop.page().toString());
        WebElement launcher = customer.await("the messenger launcher", d -> customer.button("Open messenger"));
        launcher.click();
        WebElement frame = customer.await("the messenger frame", d -> d.findElement(By.cssSelector(".optline-panel iframe")));
        String visitor = (String) ((JavascriptExecutor) driver).executeScript(
                "return window.localStorage.getItem('optline.visitor');");
        driver.switchTo().frame(frame);
        customer.await("the composer", d -> customer.field("Your message")).sendKeys("Do you text offers?", Keys.ENTER);
        customer.await("the message in the conversation",
                d -> d.findElement(By.cssSelector("[role=log]")).getText().contains("Do you text offers?"));
        long contactId = TestDatabase.number("SELECT contact_id FROM messenger_visitor WHERE visitor_id = ?", visitor);
        String token = sessionToken(visitor);
        long conversationId = TestDatabase.number("SELECT id FROM conversation WHERE contact_id = ?", contactId);

        try (Browser agent = Browser.start(base)) {
            agent.signIn(TestCredentials.adminEmail(), TestCredentials.adminPassword());
            agent.open("/inbox/conversations/" + conversationId);
            agent.await("the customer's message in the inbox", d -> d.getPageSource().contains("Do you text offers?"));
            agent.button("Opt-in form").click();
            WebElement typeField = agent.await("the opt-in form composer", d -> agent.field("Subscription type"));
            new Select(typeField).selectByValue(String.valueOf(typeId));
            agent.field("Form title").sendKeys(title);
            agent.button("Insert Form").click();

            WebElement phone = customer.await("the opt-in form in the messenger", Duration.ofSeconds(30),
                    d -> customer.field("Mobile phone number"));
            assertThat(driver.findElement(By.cssSelector("[role=log]")).getText()).contains(title);
            phone.sendKeys(exampleMobile(false));
            customer.button("Sign Up Now").click();
            WebElement confirmation = customer.await("the confirmation",
                    d -> d.findElement(By.xpath("//*[@role='status'][contains(., 'You are subscribed to')]")));
            assertThat(confirmation.getText()).contains(typeName);

            agent.await("the opt-in line in the agent's conversation", Duration.ofSeconds(30),
                    d -> d.getPageSource().contains("opted in to"));

            agent.open("/admin/contacts/" + contactId);
            WebElement history = agent.await("the contact's consent events",
                    d -> agent.labelled("Consent events, newest first"));
            String evidence = history.getText();
            assertThat(evidence).contains(typeName);
            assertThat(evidence).contains("Opted in");
            assertThat(evidence).contains("opt-in form");
            assertThat(evidence).contains("127.0.0.1");
            assertThat(evidence).contains("Title: " + title);
            assertThat(evidence).contains("User agent");
        }
        assertThat(TestDatabase.number("SELECT COUNT(*) FROM contact WHERE id = ? AND phone = ?", contactId,
                exampleMobile(true))).isEqualTo(1);

        long formId = TestDatabase.number("SELECT MAX(id) FROM optin_form WHERE conversation_id = ?", conversationId);
        HttpResponse<String> foreign = submitDirectly(formId, token, shop.origin());
        HttpResponse<String> forged = submitDirectly(formId, token.substring(0, token.length() - 2)
                + (token.endsWith("AA") ? "BB" : "AA"), base.getScheme() + "://" + base.getAuthority());
        assertThat(foreign.statusCode()).isBetween(400, 499);
        assertThat(forged.statusCode()).isBetween(400, 499);
        assertThat(TestDatabase.number("SELECT COUNT(*) FROM optin_form_submission WHERE form_id = ?", formId))
                .isEqualTo(1);
    }

    /** Posts a submission of the opt-in form as a script on {@code origin} would, with {@code token}. */
    private HttpResponse<String> submitDirectly(long formId, String token, String origin) {
        Http http = new Http(base);
        return http.send(http.request("/messenger/apps/optin_form/" + formId + "/submissions")
                .header("X-Optline-Messenger-Token", token)
                .header("Origin", origin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("phone=" + URLEncoder.encode(exampleMobile(false),
                        StandardCharsets.UTF_8) + "&idempotency_key=" + UUID.randomUUID()))
                .build());
    }

    private long liveSmsType(String name) {
        ApiClient api = new ApiClient(base, TestCredentials.apiToken());
        String body = Json.createObjectBuilder()
                .add("content_types", Json.createArrayBuilder().add("sms_message"))
                .add("consent_type", "opt_in")
                .add("default_translation", Json.createObjectBuilder()
                        .add("name", name)
                        .add("description", "")
                        .add("locale", "en"))
                .build().toString();
        HttpResponse<String> created = api.post("/api/subscription_types", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String id = Http.json(created).getString("id");
        HttpResponse<String> putLive = api.post("/api/subscription_types/" + id + "/put_live", "");
        assertThat(putLive.statusCode()).as(putLive.body()).isEqualTo(200);
        return Long.parseLong(id);
    }

    /** Returns a messenger token of the shop's visitor {@code visitor}, as optline.js gets one. */
    private String sessionToken(String visitor) {
        Http http = new Http(base);
        HttpResponse<String> session = http.send(http.request("/messenger/session")
                .header("Origin", shop.origin())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("visitor_id", visitor)
                        .build().toString()))
                .build());
        assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
        return Http.json(session).getString("token");
    }

    /** Returns the example mobile number of the workspace's default country, as libphonenumber gives it. */
    private static String exampleMobile(boolean e164) {
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        String region;
        try (var connection = TestDatabase.connect();
             var select = connection.prepareStatement("SELECT default_country FROM contact_settings WHERE id = 1");
             var row = select.executeQuery()) {
            row.next();
            region = row.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Reading the default country failed", e);
        }
        Phonenumber.PhoneNumber number = phones.getExampleNumberForType(region, PhoneNumberUtil.PhoneNumberType.MOBILE);
        return phones.format(number, e164 ? PhoneNumberUtil.PhoneNumberFormat.E164 : PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
    }
}
