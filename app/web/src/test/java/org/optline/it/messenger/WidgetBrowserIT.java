package org.optline.it.messenger;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.optline.it.support.Browser;
import org.optline.it.support.LocalOptline;
import org.optline.it.support.MessengerAdmin;
import org.optline.it.support.OptlineDeployment;

import java.net.URI;
import java.net.URL;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The messenger as a customer meets it: on a website of another origin, in Chromium with third-party
 * cookies blocked, driven by keyboard and found by accessible names.
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
        assertThat(frame.getAttribute("src")).startsWith(base.getScheme() + "://" + base.getAuthority() + "/messenger/frame#token=");

        driver.switchTo().frame(frame);
        WebElement message = customer.await("the composer", d -> customer.field("Your message"));
        assertThat(driver.switchTo().activeElement()).isEqualTo(message);
        assertThat(driver.getCurrentUrl()).doesNotContain("token");
        String text = "Do you deliver on Sundays? " + UUID.randomUUID();
        message.sendKeys(text, Keys.ENTER);

        WebElement log = driver.findElement(By.cssSelector("[role=log]"));
        customer.await("the message in the conversation", d -> log.getText().contains(text));
        assertThat(customer.field("Your message").getAttribute("value")).isEmpty();

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
}
