package org.optline.it.optinform;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import jakarta.json.Json;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.optline.it.support.ApiClient;
import org.optline.it.support.Http;
import org.optline.it.support.LocalOptline;
import org.optline.it.support.OptlineDeployment;
import org.optline.it.support.PageSession;
import org.optline.it.support.TestCredentials;
import org.optline.it.support.TestDatabase;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The opt-in form over HTTP, as the agent's inbox and the customer's messenger frame send it. The
 * composer offers and accepts only live types, and markup is shown as text. A saved number is
 * read-only, bad numbers store nothing, foreign origins and forged tokens are rejected, and a repeated
 * submission records one event. Results are checked with SQL on what the app stored.
 */
@ExtendWith(ArquillianExtension.class)
class OptInFormIT {

    private static final String FORM_PATH = "/inbox/apps/optin_form";
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return OptlineDeployment.packagedWar();
    }

    @ArquillianResource
    URL deployment;

    private URI base;
    private Http http;
    private ApiClient api;
    private PageSession admin;
    private MessengerFixtures messenger;

    /** A contact with a messenger token and a conversation that the contact started. */
    private record Customer(long contactId, String token, long conversationId) {
    }

    @BeforeEach
    void prepare() {
        base = LocalOptline.base(deployment);
        http = new Http(base);
        api = new ApiClient(base, TestCredentials.apiToken());
        admin = PageSession.signedInAdmin(base);
        messenger = MessengerFixtures.prepare(base, admin);
    }

    @Test
    void composerOffersOnlyLiveTypes() {
        Customer customer = customer(null, null);
        long live = type("sms_message", true);
        long draft = type("sms_message", false);
        long archived = type("sms_message", true);
        archive(archived);

        HttpResponse<String> response = admin.htmxGet(FORM_PATH + "?conversation=" + customer.conversationId());

        assertThat(response.statusCode()).isEqualTo(200);
        Document composer = PageSession.document(response);
        List<String> offered = composer.select("select[name=subscription_type] option").eachAttr("value");
        assertThat(offered).contains(String.valueOf(live));
        assertThat(offered).doesNotContain(String.valueOf(draft), String.valueOf(archived));
        assertThat(PageSession.field(composer, "Form title").attr("name")).isEqualTo("title");
        assertThat(PageSession.field(composer, "Button text").attr("placeholder")).isEqualTo("Sign Up Now");
        assertThat(composer.select("button").eachText()).contains("Preview", "Insert Form");
        Element form = composer.selectFirst("form#optin-composer");
        assertThat(form.attr("hx-sync")).isEqualTo("this:drop");
        assertThat(form.attr("hx-disabled-elt")).contains("button");
        assertThat(form.select("input[type=hidden][name=insert_key]").val()).hasSizeGreaterThanOrEqualTo(16);
    }

    @Test
    void repeatedInsertKeyAddsOneForm() {
        Customer customer = customer(null, null);
        long type = type("sms_message", true);
        String key = insertKey();

        HttpResponse<String> first = insert(customer.conversationId(), type, "Deals", "", "", key);
        HttpResponse<String> second = insert(customer.conversationId(), type, "Deals", "", "", key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        Document firstResult = PageSession.document(first);
        Document secondResult = PageSession.document(second);
        assertThat(secondResult.select("[role=status]").text()).isEqualTo(firstResult.select("[role=status]").text());
        assertThat(count("SELECT COUNT(*) FROM conversation_part WHERE conversation_id = ? AND kind = 'APP'",
                customer.conversationId())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM optin_form WHERE conversation_id = ?", customer.conversationId()))
                .isEqualTo(1);
        assertThat(firstResult.select("#flash[hx-swap-oob=innerHTML]")).as("alert region cleared").hasSize(1);
        String nextKey = firstResult.select("input[name=insert_key][hx-swap-oob]").val();
        assertThat(nextKey).hasSizeGreaterThanOrEqualTo(16).isNotEqualTo(key);

        HttpResponse<String> withNextKey = insert(customer.conversationId(), type, "Deals", "", "", nextKey);

        assertThat(withNextKey.statusCode()).as(withNextKey.body()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM conversation_part WHERE conversation_id = ? AND kind = 'APP'",
                customer.conversationId())).isEqualTo(2);
    }

    @Test
    void insertWithoutKeyIsRejected() {
        Customer customer = customer(null, null);
        long type = type("sms_message", true);

        HttpResponse<String> response = insert(customer.conversationId(), type, "Deals", "", "", "");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Insert key is missing");
        assertThat(count("SELECT COUNT(*) FROM optin_form WHERE conversation_id = ?", customer.conversationId())).isZero();
    }

    @Test
    void previewNamesDefaultButton() {
        long type = type("sms_message", true);

        HttpResponse<String> withDefault = admin.htmxPost(FORM_PATH + "/preview", "subscription_type",
                String.valueOf(type), "title", "Deals", "button", "", "legal_text", "");
        HttpResponse<String> withTyped = admin.htmxPost(FORM_PATH + "/preview", "subscription_type",
                String.valueOf(type), "title", "Deals", "button", "Join", "legal_text", "");

        Document preview = PageSession.document(withDefault);
        assertThat(preview.selectFirst(".optin-form button").text()).isEqualTo("Sign Up Now");
        assertThat(preview.select(".optin-default-button").text()).contains("default text", "English");
        assertThat(preview.select("#flash[hx-swap-oob=innerHTML]")).as("alert region cleared").hasSize(1);
        assertThat(PageSession.document(withTyped).select(".optin-default-button")).isEmpty();
    }

    @Test
    void draftOrArchivedTypeIsRejected() {
        Customer customer = customer(null, null);
        long draft = type("sms_message", false);
        long archived = type("sms_message", true);
        archive(archived);

        HttpResponse<String> withDraft = insert(customer.conversationId(), draft, "Deals", "", "");
        HttpResponse<String> withArchived = insert(customer.conversationId(), archived, "Deals", "", "");
        HttpResponse<String> preview = admin.htmxPost(FORM_PATH + "/preview", "subscription_type", String.valueOf(draft),
                "title", "Deals", "button", "", "legal_text", "");

        assertThat(withDraft.statusCode()).isEqualTo(400);
        assertThat(withDraft.body()).contains("is draft; forms offer live types only");
        assertThat(withArchived.statusCode()).isEqualTo(400);
        assertThat(withArchived.body()).contains("is archived; forms offer live types only");
        assertThat(preview.statusCode()).isEqualTo(400);
        assertThat(count("SELECT COUNT(*) FROM optin_form WHERE conversation_id = ?", customer.conversationId())).isZero();
        assertThat(count("SELECT COUNT(*) FROM conversation_part WHERE conversation_id = ? AND kind = 'APP'",
                customer.conversationId())).isZero();
    }

    @Test
    void composerNeedsSignedInAgent() {
        PageSession anonymous = new PageSession(base);

        HttpResponse<String> composer = anonymous.get(FORM_PATH + "?conversation=1");
        HttpResponse<String> insert = anonymous.post(FORM_PATH, Map.of(), "conversation", "1", "title", "x");
        HttpResponse<String> withoutCsrf = admin.post(FORM_PATH, Map.of("HX-Request", "true"), "conversation", "1",
                "subscription_type", "1", "title", "x");

        assertThat(composer.statusCode()).isNotEqualTo(200);
        assertThat(insert.statusCode()).isNotEqualTo(200);
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);
    }

    @Test
    void previewShowsMarkupAsText() {
        long type = type("sms_message", true);

        HttpResponse<String> response = admin.htmxPost(FORM_PATH + "/preview", "subscription_type", String.valueOf(type),
                "title", "<script>alert('title')</script>Get 10% off", "button", "<img src=x onerror=alert(1)>",
                "legal_text", "<b>Msg rates apply</b><script>alert('legal')</script>"
                        + "<a href=\"javascript:alert(2)\">x</a> <a href=\"https://shop.example/terms\">Terms</a>");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("<script", "<img", "javascript:", "onerror=alert(1)>");
        Document preview = PageSession.document(response);
        assertThat(preview.selectFirst(".optin-form h2").text()).isEqualTo("<script>alert('title')</script>Get 10% off");
        assertThat(preview.selectFirst(".optin-form button").text()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(preview.select(".optin-legal b").text()).isEqualTo("Msg rates apply");
        Element link = preview.selectFirst(".optin-legal a");
        assertThat(link.attr("href")).isEqualTo("https://shop.example/terms");
        assertThat(link.attr("rel")).isEqualTo("noopener noreferrer nofollow");
        assertThat(link.attr("target")).isEqualTo("_blank");
        assertThat(preview.select("input[name=phone]")).hasSize(1);
    }

    @Test
    void submissionRecordsOptInWithEvidence() {
        Customer customer = customer(null, "fr");
        long type = type("sms_message", true);
        long formId = insertForm(customer, type, "Sign up to our SMS deals to get 10% off", "",
                "<p>Reply <b>STOP</b> to end.</p>");
        String national = exampleMobile(false);
        String e164 = exampleMobile(true);
        Element form = customerForm(customer, formId, "fr");

        HttpResponse<String> response = submit(customer.token(), formId, key(form), national, sameOrigin(),
                form.select("input[name=locale]").val());

        assertThat(response.statusCode()).isEqualTo(200);
        Element confirmation = Jsoup.parse(response.body()).selectFirst("[role=status]");
        assertThat(confirmation.text()).startsWith("Vous \u00eates abonn\u00e9");
        assertThat(text("SELECT phone FROM contact WHERE id = ?", customer.contactId())).isEqualTo(e164);
        Map<String, String> event = row("SELECT e.action, e.source, e.actor_kind, e.phone, e.ip_address, e.user_agent, "
                + "e.conversation_id, e.message_id, t.title, t.button, t.legal_text, t.locale FROM consent_event e "
                + "JOIN consent_text t ON t.id = e.consent_text_id WHERE e.contact_id = ? AND e.subscription_type_id = ?",
                customer.contactId(), type);
        assertThat(event.get("action")).isEqualTo("OPT_IN");
        assertThat(event.get("source")).isEqualTo("FORM");
        assertThat(event.get("actor_kind")).isEqualTo("CUSTOMER");
        assertThat(event.get("phone")).isEqualTo(e164);
        assertThat(event.get("ip_address")).isEqualTo("127.0.0.1");
        assertThat(event.get("user_agent")).isEqualTo("OptInFormIT browser");
        assertThat(event.get("conversation_id")).isEqualTo(String.valueOf(customer.conversationId()));
        assertThat(event.get("message_id")).isEqualTo(text("SELECT part_id FROM optin_form WHERE id = ?", formId));
        assertThat(event.get("title")).isEqualTo("Sign up to our SMS deals to get 10% off");
        assertThat(form.selectFirst("button").text()).isEqualTo("Je m\u2019inscris");
        assertThat(event.get("button")).isEqualTo("Je m\u2019inscris");
        assertThat(event.get("legal_text")).isEqualTo("<p>Reply <b>STOP</b> to end.</p>");
        assertThat(event.get("locale")).isEqualTo("fr");
        Element shownLegal = PageSession.document(admin.htmxGet("/admin/contacts/" + customer.contactId()
                + "/consent-history")).selectFirst("div:containsOwn(Legal text:)");
        assertThat(shownLegal).as("legal text in the contact's consent history").isNotNull();
        assertThat(shownLegal.text()).isEqualTo("Legal text: Reply STOP to end.");
        assertThat(shownLegal.select("p > b").text()).isEqualTo("STOP");
        Map<String, String> submission = row("SELECT s.form_version_id, f.form_version_id AS shown_version, "
                + "s.consent_event_seq, s.ip_address FROM optin_form_submission s JOIN optin_form f ON f.id = s.form_id "
                + "WHERE s.form_id = ?", formId);
        assertThat(submission.get("form_version_id")).isEqualTo(submission.get("shown_version"));
        assertThat(submission.get("consent_event_seq")).isEqualTo("1");
        assertThat(text("SELECT state FROM optin_form WHERE id = ?", formId)).isEqualTo("SUBMITTED");
        String line = text("SELECT body FROM conversation_part WHERE conversation_id = ? AND kind = 'EVENT'",
                customer.conversationId());
        assertThat(line).contains("opted in to").contains(e164.substring(e164.length() - 4)).doesNotContain(e164);
    }

    @Test
    void doubleOptInFormLeavesContactPendingWithItsEvidence() {
        Customer customer = customer(null, "en");
        String name = "Confirm " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.htmxPost("/admin/subscriptions", "message_type", "sms_message",
                "consent_type", "opt_in", "locale", "en", "name", name, "description", "", "double_opt_in", "on");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        long type = Long.parseLong(text("SELECT t.id FROM subscription_type t JOIN subscription_type_translation n "
                + "ON n.subscription_type_id = t.id WHERE n.name = ?", name));
        assertThat(api.post("/api/subscription_types/" + type + "/put_live", "").statusCode()).isEqualTo(200);
        long formId = insertForm(customer, type, "Texts with a confirmation step", "", "");
        String e164 = exampleMobile(true);
        Element form = customerForm(customer, formId, "en");

        HttpResponse<String> response = submit(customer.token(), formId, key(form), exampleMobile(false), sameOrigin(),
                form.select("input[name=locale]").val());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(response.body()).selectFirst("[role=status]").text()).startsWith("Check your phone: reply YES");
        assertThat(text("SELECT COUNT(*) FROM consent_event WHERE contact_id = ? AND subscription_type_id = ?",
                customer.contactId(), type)).isEqualTo("0");
        Map<String, String> pending = row("SELECT p.state, p.phone, p.source, p.conversation_id, p.ip_address, t.title "
                + "FROM consent_pending p JOIN consent_text t ON t.id = p.consent_text_id "
                + "WHERE p.contact_id = ? AND p.subscription_type_id = ?", customer.contactId(), type);
        assertThat(pending.get("state")).isEqualTo("PENDING");
        assertThat(pending.get("phone")).isEqualTo(e164);
        assertThat(pending.get("source")).isEqualTo("FORM");
        assertThat(pending.get("conversation_id")).isEqualTo(String.valueOf(customer.conversationId()));
        assertThat(pending.get("ip_address")).isEqualTo("127.0.0.1");
        assertThat(pending.get("title")).isEqualTo("Texts with a confirmation step");
        assertThat(text("SELECT COUNT(*) FROM sms_notice WHERE contact_id = ? AND to_number = ? "
                + "AND kind = 'DOUBLE_OPT_IN'", customer.contactId(), e164)).isEqualTo("1");
    }

    @Test
    void agentCardRefreshesAfterSubmission() {
        Customer customer = customer(null, null);
        long type = type("sms_message", true);
        long formId = insertForm(customer, type, "Deals", "", "");
        long partId = count("SELECT part_id FROM optin_form WHERE id = ?", formId);
        String polled = "/inbox/conversations/" + customer.conversationId() + "/parts?after=" + partId;

        HttpResponse<String> beforeSubmit = admin.htmxGet(polled);
        HttpResponse<String> submitted = submit(customer.token(), formId, key(customerForm(customer, formId)),
                exampleMobile(false), sameOrigin());
        HttpResponse<String> afterSubmit = admin.htmxGet(polled);

        assertThat(beforeSubmit.statusCode()).isEqualTo(204);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        assertThat(afterSubmit.statusCode()).isEqualTo(200);
        Element card = PageSession.document(afterSubmit).getElementById("part-" + partId);
        assertThat(card).as("app card re-rendered in " + afterSubmit.body()).isNotNull();
        assertThat(card.attr("hx-swap-oob")).isEqualTo("true");
        assertThat(card.text()).contains("Submitted").doesNotContain("Waiting for the customer");
    }

    @Test
    void repeatedSubmissionRecordsOneEvent() throws Exception {
        Customer customer = customer(null, null);
        long type = type("sms_message", true);
        long formId = insertForm(customer, type, "Deals", "Join", "");
        String key = key(customerForm(customer, formId));
        String number = exampleMobile(false);

        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                () -> submit(customer.token(), formId, key, number, sameOrigin()));
        CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(
                () -> submit(customer.token(), formId, key, number, sameOrigin()));
        HttpResponse<String> again = submit(customer.token(), formId, key, number, sameOrigin());
        HttpResponse<String> otherKey = submit(customer.token(), formId, UUID.randomUUID().toString().replace("-", ""),
                number, sameOrigin());

        assertThat(first.get().statusCode()).isEqualTo(200);
        assertThat(second.get().statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(otherKey.statusCode()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM consent_event WHERE contact_id = ?", customer.contactId())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM optin_form_submission WHERE form_id = ?", formId)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM conversation_part WHERE conversation_id = ? AND kind = 'EVENT'",
                customer.conversationId())).isEqualTo(1);
    }

    @Test
    void savedNumberIsReadOnly() {
        String saved = exampleMobile(true);
        Customer customer = customer(saved, null);
        long type = type("sms_message", true);
        long formId = insertForm(customer, type, "Deals", "", "");
        Element form = customerForm(customer, formId);

        HttpResponse<String> withOtherNumber = submit(customer.token(), formId, key(form), "+33 6 12 34 56 78", sameOrigin());

        assertThat(form.select("input[name=phone]")).isEmpty();
        assertThat(form.selectFirst("output").text()).endsWith(saved.substring(saved.length() - 4)).isNotEqualTo(saved);
        assertThat(withOtherNumber.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(withOtherNumber.body()).selectFirst("[role=alert]").text()).isNotBlank();
        assertThat(text("SELECT phone FROM contact WHERE id = ?", customer.contactId())).isEqualTo(saved);
        assertThat(count("SELECT COUNT(*) FROM consent_event WHERE contact_id = ?", customer.contactId())).isZero();

        HttpResponse<String> withSaved = submit(customer.token(), formId, key(form), "", sameOrigin());

        assertThat(withSaved.statusCode()).isEqualTo(200);
        assertThat(text("SELECT phone FROM consent_event WHERE contact_id = ?", customer.contactId())).isEqualTo(saved);
    }

    @Test
    void invalidNumberGetsAccessibleError() {
        Customer customer = customer(null, null);
        long type = type("sms_message", true);
        long formId = insertForm(customer, type, "Deals", "", "");
        String key = key(customerForm(customer, formId));
        String landline = "+33 1 42 68 53 00";

        HttpResponse<String> invalid = submit(customer.token(), formId, key, "12", sameOrigin());
        HttpResponse<String> fixedLine = submit(customer.token(), formId, key, landline, sameOrigin());

        assertThat(invalid.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(invalid.body());
        Element input = page.selectFirst("input[name=phone]");
        Element alert = page.selectFirst("[role=alert]");
        assertThat(input.attr("aria-invalid")).isEqualTo("true");
        assertThat(input.attr("aria-describedby")).contains(alert.id());
        assertThat(alert.text()).contains("\u201C12\u201D is not a valid phone number");
        assertThat(fixedLine.statusCode()).isEqualTo(422);
        String overlong = "+1 201 555 0142 " + "7".repeat(60);
        HttpResponse<String> tooLong = submit(customer.token(), formId, key, overlong, sameOrigin());
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).doesNotContain("7".repeat(60));
        assertThat(Jsoup.parse(tooLong.body()).selectFirst("[role=alert]").text()).contains("40 characters");
        assertThat(Jsoup.parse(fixedLine.body()).selectFirst("[role=alert]").text()).contains("cannot receive text messages");
        assertThat(text("SELECT phone FROM contact WHERE id = ?", customer.contactId())).isNull();
        assertThat(count("SELECT COUNT(*) FROM consent_event WHERE contact_id = ?", customer.contactId())).isZero();
        assertThat(count("SELECT COUNT(*) FROM optin_form_submission WHERE form_id = ?", formId)).isZero();
    }

    @Test
    void foreignOriginAndForgedTokenAreRejected() {
        Customer customer = customer(null, null);
        Customer stranger = customer(null, null);
        long type = type("email", true);
        long formId = insertForm(customer, type, "Newsletter", "", "");
        String key = key(customerForm(customer, formId));
        String forged = customer.token().substring(0, customer.token().length() - 4) + "AAAA";

        HttpResponse<String> foreign = submit(customer.token(), formId, key, "", Map.of("Origin", "https://evil.example"));
        HttpResponse<String> crossSite = submit(customer.token(), formId, key, "", Map.of("Sec-Fetch-Site", "cross-site"));
        HttpResponse<String> forgedToken = submit(forged, formId, key, "", sameOrigin());
        HttpResponse<String> noToken = submit(null, formId, key, "", sameOrigin());
        HttpResponse<String> otherContact = submit(stranger.token(), formId, key, "", sameOrigin());
        HttpResponse<String> noSuchForm = submit(customer.token(), Long.MAX_VALUE, key, "", sameOrigin());

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(forgedToken.statusCode()).isEqualTo(403);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(otherContact.statusCode()).isEqualTo(404);
        assertThat(noSuchForm.statusCode()).isEqualTo(404);
        assertThat(otherContact.body()).isEqualTo(noSuchForm.body());
        assertThat(count("SELECT COUNT(*) FROM consent_event WHERE contact_id IN (?, ?)", customer.contactId(),
                stranger.contactId())).isZero();
        assertThat(count("SELECT COUNT(*) FROM optin_form_submission WHERE form_id = ?", formId)).isZero();
    }

    @Test
    void submissionsOfOneVisitorAreRateLimited() {
        Customer customer = customer(null, null);
        String key = UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> limited = null;
        // 125 requests span at most two one-minute windows, so one window contains more than the limit of 60.
        for (int i = 0; i < 125 && limited == null; i++) {
            HttpResponse<String> response = submit(customer.token(), Long.MAX_VALUE, key, "", sameOrigin());
            if (response.statusCode() == 429) {
                limited = response;
            } else {
                assertThat(response.statusCode()).as("request %d", i).isEqualTo(404);
            }
        }

        assertThat(limited).as("a 429 response within 125 requests").isNotNull();
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
    }

    @Test
    void emailFormHasOnlyButton() {
        Customer customer = customer(null, null);
        long type = type("email", true);
        long formId = insertForm(customer, type, "Newsletter", "Yes please", "");
        Element form = customerForm(customer, formId);

        HttpResponse<String> response = submit(customer.token(), formId, key(form), "", sameOrigin());

        assertThat(form.select("input[name=phone]")).isEmpty();
        assertThat(form.selectFirst("button").text()).isEqualTo("Yes please");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text("SELECT action FROM consent_event WHERE contact_id = ?", customer.contactId())).isEqualTo("OPT_IN");
    }

    @Test
    void agentSeesWaitingThenSubmitted() {
        Customer customer = customer(null, null);
        long type = type("sms_message", true);
        long formId = insertForm(customer, type, "Deals", "", "");
        long partId = count("SELECT part_id FROM optin_form WHERE id = ?", formId);

        assertThat(count("SELECT COUNT(*) FROM conversation_part WHERE id = ? AND kind = 'APP' AND app_type = 'optin_form' "
                + "AND app_ref = ?", partId, formId)).isEqualTo(1);
        assertThat(text("SELECT state FROM optin_form WHERE id = ?", formId)).isEqualTo("WAITING");
        submit(customer.token(), formId, key(customerForm(customer, formId)), exampleMobile(false), sameOrigin());
        assertThat(text("SELECT state FROM optin_form WHERE id = ?", formId)).isEqualTo("SUBMITTED");
        assertThat(customerForm(customer, formId).select("form")).isEmpty();
    }

    // --- set-up through the app's own API and pages ---

    /** Creates a subscription type through the API, live or left as a draft, and returns its id. */
    private long type(String contentType, boolean live) {
        String body = Json.createObjectBuilder()
                .add("content_types", Json.createArrayBuilder().add(contentType))
                .add("consent_type", "opt_in")
                .add("default_translation", Json.createObjectBuilder()
                        .add("name", "Form " + UUID.randomUUID().toString().substring(0, 8))
                        .add("description", "")
                        .add("locale", "en"))
                .build().toString();
        HttpResponse<String> created = api.post("/api/subscription_types", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String id = Http.json(created).getString("id");
        if (live) {
            HttpResponse<String> putLive = api.post("/api/subscription_types/" + id + "/put_live", "");
            assertThat(putLive.statusCode()).as(putLive.body()).isEqualTo(200);
        }
        return Long.parseLong(id);
    }

    private void archive(long typeId) {
        HttpResponse<String> archived = api.post("/api/subscription_types/" + typeId + "/archive", "");
        assertThat(archived.statusCode()).as(archived.body()).isEqualTo(200);
    }

    /** Creates an identified user, gets its messenger token and starts its conversation with a message. */
    private Customer customer(String phone, String locale) {
        String externalId = "optin-" + UUID.randomUUID();
        var contact = Json.createObjectBuilder().add("role", "user").add("external_id", externalId).add("name", "Ann");
        if (phone != null) {
            contact.add("phone", phone);
        }
        if (locale != null) {
            contact.add("language_override", locale);
        }
        HttpResponse<String> created = api.post("/api/contacts", contact.build().toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        long contactId = Long.parseLong(Http.json(created).getString("id"));
        String token = messenger.tokenFor(externalId);
        HttpResponse<String> message = http.send(http.request("/messenger/conversation/messages")
                .header(MessengerHeader.TOKEN, token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", origin())
                .POST(HttpRequest.BodyPublishers.ofString("body=Hello"))
                .build());
        assertThat(message.statusCode()).as(message.body()).isEqualTo(204);
        long conversationId = count("SELECT id FROM conversation WHERE contact_id = ?", contactId);
        return new Customer(contactId, token, conversationId);
    }

    private HttpResponse<String> insert(long conversationId, long typeId, String title, String button, String legal) {
        return insert(conversationId, typeId, title, button, legal, insertKey());
    }

    private HttpResponse<String> insert(long conversationId, long typeId, String title, String button, String legal,
                                        String insertKey) {
        return admin.htmxPost(FORM_PATH, "conversation", String.valueOf(conversationId), "subscription_type",
                String.valueOf(typeId), "title", title, "button", button, "legal_text", legal, "insert_key", insertKey);
    }

    /** Returns a new insert key, as the composer renders one. */
    private static String insertKey() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Inserts a form as an agent would and returns its id. */
    private long insertForm(Customer customer, long typeId, String title, String button, String legal) {
        HttpResponse<String> response = insert(customer.conversationId(), typeId, title, button, legal);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("HX-Trigger")).isPresent();
        return count("SELECT MAX(id) FROM optin_form WHERE conversation_id = ?", customer.conversationId());
    }

    /** Returns the form as the messenger frame renders it for the customer. */
    private Element customerForm(Customer customer, long formId) {
        return customerForm(customer, formId, null);
    }

    /** Returns the form as the messenger frame renders it for the customer, in the language of {@code localeHint}. */
    private Element customerForm(Customer customer, long formId, String localeHint) {
        HttpResponse<String> response = http.send(http.request("/messenger/conversation"
                        + (localeHint == null ? "" : "?locale=" + localeHint))
                .header(MessengerHeader.TOKEN, customer.token())
                .GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Element form = Jsoup.parse(response.body()).getElementById("optin-" + formId);
        assertThat(form).as("form " + formId + " in " + response.body()).isNotNull();
        return form;
    }

    private static String key(Element form) {
        String key = form.select("input[name=idempotency_key]").val();
        assertThat(key).isNotBlank();
        return key;
    }

    private HttpResponse<String> submit(String token, long formId, String key, String phone, Map<String, String> headers) {
        return submit(token, formId, key, phone, headers, null);
    }

    /** Submits a form as the messenger frame does; {@code locale} is the form's hidden field, or null to leave it out. */
    private HttpResponse<String> submit(String token, long formId, String key, String phone, Map<String, String> headers,
                                        String locale) {
        String body = "idempotency_key=" + key + "&phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8)
                + (locale == null ? "" : "&locale=" + URLEncoder.encode(locale, StandardCharsets.UTF_8));
        HttpRequest.Builder request = http.request("/messenger/apps/optin_form/" + formId + "/submissions")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("HX-Request", "true")
                .header("User-Agent", "OptInFormIT browser")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header(MessengerHeader.TOKEN, token);
        }
        headers.forEach(request::header);
        return http.send(request.build());
    }

    private String origin() {
        return "http://" + base.getHost() + ":" + base.getPort();
    }

    private Map<String, String> sameOrigin() {
        return Map.of("Origin", origin(), "Sec-Fetch-Site", "same-origin");
    }

    /** Returns an example mobile number of the workspace's default country, national or in E.164 form. */
    private static String exampleMobile(boolean e164) {
        String region = text("SELECT default_country FROM contact_settings WHERE id = 1");
        Phonenumber.PhoneNumber number = PHONES.getExampleNumberForType(region, PhoneNumberUtil.PhoneNumberType.MOBILE);
        return PHONES.format(number, e164 ? PhoneNumberUtil.PhoneNumberFormat.E164 : PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
    }

    // --- reading what the app stored ---

    private static long count(String sql, Object... parameters) {
        return TestDatabase.number(sql, parameters);
    }

    private static String text(String sql, Object... parameters) {
        return row(sql, parameters).values().iterator().next();
    }

    private static Map<String, String> row(String sql, Object... parameters) {
        try (Connection connection = TestDatabase.connect(); PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    throw new AssertionError("No row from " + sql);
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                    values.put(result.getMetaData().getColumnLabel(column), result.getString(column));
                }
                return values;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    /** The header name the messenger frame sends its token in. */
    private static final class MessengerHeader {
        static final String TOKEN = "X-Optline-Messenger-Token";
    }
}
