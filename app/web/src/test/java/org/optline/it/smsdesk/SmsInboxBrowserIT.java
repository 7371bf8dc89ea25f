package org.optline.it.smsdesk;

import com.twilio.security.RequestValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.optline.it.support.Browser;
import org.optline.it.support.Http;
import org.optline.it.support.LocalPayara;
import org.optline.it.support.PageSession;
import org.optline.it.support.Poll;
import org.optline.it.support.TestDatabase;
import org.optline.it.support.TestPhones;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SMS conversations in the agent inbox, in headless Chromium: a text that arrives through Twilio's
 * signed webhook appears in the open inbox without a reload, the agent replies, and the reply
 * reaches the sandbox outbox for that number. After the number texts STOP, the agent's next reply is
 * rejected next to the reply box, with the typed text kept. The test starts its own Payara Micro,
 * because the webhook needs a Twilio auth token and the public URL that Twilio signs.
 */
class SmsInboxBrowserIT {

    private static final String PUBLIC_URL = "https://sms.optline.invalid";
    private static final String WEBHOOK = "/webhooks/twilio/inbound";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private static String authToken;
    private static LocalPayara payara;
    private static Browser browser;

    @BeforeAll
    static void start() {
        authToken = randomHex();
        payara = LocalPayara.start("sms-inbox", List.of("optline.twilio.auth-token=" + authToken,
                "optline.public.url=" + PUBLIC_URL));
        browser = Browser.start(payara.base());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (payara != null) {
            payara.close();
        }
    }

    @Test
    void agentAnswersInboundText() {
        browser.useSession(signedInAgent());
        String number = randomMobile();
        String masked = number.substring(0, 2) + "*".repeat(number.length() - 6) + number.substring(number.length() - 4);
        browser.open("/inbox");
        markPage();

        String question = "Are you open on Sunday? " + UUID.randomUUID();
        text(number, question);

        WebElement row = browser.await("the text in the inbox list without reload", driver -> driver
                .findElements(By.cssSelector("#inbox-rows li")).stream()
                .filter(item -> item.getText().contains(question)).findFirst().orElse(null));
        assertThat(row.getText()).contains("SMS").contains(masked).doesNotContain(number);
        assertPageNotReloaded();

        row.findElement(By.tagName("a")).click();
        browser.await("the conversation page", driver -> browser.path().startsWith("/inbox/conversations/"));
        WebElement log = browser.labelled("Messages");
        assertThat(log.getText()).contains(question);
        assertThat(browser.driver().findElement(By.id("reply-channel")).getText())
                .isEqualTo("Your reply goes out as a text message to " + masked + ".");
        assertThat(browser.buttons("Opt-in form")).as("app buttons in an SMS conversation").isEmpty();

        String answer = "Yes, from 10 to 4. " + UUID.randomUUID();
        browser.field("Reply").sendKeys(answer);
        browser.await("the live size of the reply", driver -> browser.driver().findElement(By.id("reply-size"))
                .getText().equals("Size: " + answer.length() + " GSM-7 characters, 1 part (160 per part)"));
        browser.button("Send reply").click();

        browser.await("the answer in the conversation", driver -> log.getText().contains(answer));
        browser.await("an empty reply box", driver -> browser.field("Reply").getDomProperty("value").isEmpty());
        long sent = Poll.until("the answer in the sandbox outbox", SEND_TIMEOUT, () -> outboxCount(number, answer),
                count -> count > 0);
        assertThat(sent).isEqualTo(1);
        assertThat(outboxCount(number, question)).as("the customer's own text in the outbox").isZero();
    }

    @Test
    void replyToStoppedNumberRejected() {
        browser.useSession(signedInAgent());
        String number = randomMobile();
        String question = "Where is my parcel? " + UUID.randomUUID();
        text(number, question);
        long conversation = TestDatabase.number("SELECT conversation_id FROM sms_inbound WHERE from_number = ? "
                + "AND body = ?", number, question);
        browser.open("/inbox/conversations/" + conversation);
        WebElement log = browser.labelled("Messages");
        text(number, "STOP");

        String answer = "It left our warehouse today. " + UUID.randomUUID();
        browser.field("Reply").sendKeys(answer);
        browser.button("Send reply").click();

        WebElement error = browser.await("the reason next to the reply box", driver -> driver
                .findElements(By.id("reply-error")).stream().findFirst().orElse(null));
        assertThat(error.getText()).startsWith("This number texted STOP on ")
                .contains("it can be texted again after it texts START");
        assertThat(browser.field("Reply").getDomProperty("value")).isEqualTo(answer);
        assertThat(log.getText()).doesNotContain(answer);
        assertThat(TestDatabase.number("SELECT COUNT(*) FROM sms_notice WHERE to_number = ? AND body = ?", number,
                answer)).isZero();
        assertThat(TestDatabase.number("SELECT COUNT(*) FROM conversation_part WHERE conversation_id = ? "
                + "AND kind = 'AGENT_MESSAGE'", conversation)).isZero();
    }

    /** Creates an agent account through the admin's users page and returns a session signed in as it. */
    private static PageSession signedInAgent() {
        String email = "agent-" + UUID.randomUUID() + "@tests.optline.invalid";
        String password = "agent-password-" + UUID.randomUUID();
        HttpResponse<String> response = PageSession.signedInAdmin(payara.base()).htmxPost("/admin/users",
                "email", email, "name", "Agent " + email, "role", "AGENT", "password", password);
        assertThat(response.statusCode()).as("creating agent %s: %s", email, response.body()).isEqualTo(200);
        return PageSession.signedIn(payara.base(), email, password);
    }

    /** Posts an inbound text as Twilio does, signed with the auth token, and checks the empty TwiML response. */
    private static void text(String from, String body) {
        Map<String, String> form = new TreeMap<>(Map.of("MessageSid", "SM" + randomHex(),
                "AccountSid", "AC" + randomHex(), "From", from,
                "To", "+12015550100", "Body", body, "NumMedia", "0"));
        String signature = sign(PUBLIC_URL + WEBHOOK, form);
        assertThat(new RequestValidator(authToken).validate(PUBLIC_URL + WEBHOOK, form, signature))
                .as("the test's signature checked by Twilio's own validator").isTrue();
        String encoded = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        Http http = new Http(payara.base());
        HttpResponse<String> response = http.send(http.request(WEBHOOK)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build());
        assertThat(response.statusCode()).as("webhook response %s", response.body()).isEqualTo(200);
        assertThat(response.body()).contains("<Response/>");
    }

    /** Returns Twilio's signature: Base64 of HMAC-SHA1 over the URL and each parameter's name and value, by name. */
    private static String sign(String url, Map<String, String> sortedForm) {
        StringBuilder data = new StringBuilder(url);
        sortedForm.forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing the webhook request failed", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static long outboxCount(String number, String body) {
        return TestDatabase.number("SELECT COUNT(*) FROM sms_outbox WHERE to_number = ? AND body = ?", number, body);
    }

    private static String randomHex() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String randomMobile() {
        return TestPhones.tokyoMobile();
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
