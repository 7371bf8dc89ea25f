package org.optline.it.helpdesk;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.optline.it.support.LocalOptline;
import org.optline.it.support.OptlineDeployment;
import org.optline.it.support.PageSession;
import org.optline.it.support.TestDatabase;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.optline.it.helpdesk.InboxFixtures.contact;
import static org.optline.it.helpdesk.InboxFixtures.insertCustomerMessage;
import static org.optline.it.helpdesk.InboxFixtures.shownVersion;
import static org.optline.it.helpdesk.InboxFixtures.signedInAgent;
import static org.optline.it.helpdesk.InboxFixtures.startConversations;
import static org.optline.it.helpdesk.InboxFixtures.state;
import static org.optline.it.support.SubscriptionTypeFixtures.unique;

/**
 * The agent inbox over plain HTTP: who may see it, the CSRF check on its changes, replies, the
 * proactive "New message" page, and closing and reopening with a version check.
 */
@ExtendWith(ArquillianExtension.class)
class InboxIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return OptlineDeployment.packagedWar();
    }

    @ArquillianResource
    URL deployment;

    private URI base;
    private PageSession admin;

    @BeforeEach
    void connect() {
        base = LocalOptline.base(deployment);
        admin = PageSession.signedInAdmin(base);
    }

    @Test
    void anonymousIsSentToSignIn() {
        for (String path : List.of("/inbox", "/inbox/new", "/inbox/conversations/1")) {
            HttpResponse<String> response = new PageSession(base).get(path);

            assertThat(response.statusCode()).as("GET %s", path).isIn(302, 303);
            assertThat(URI.create(response.headers().firstValue("Location").orElseThrow()).getPath())
                    .as("redirect of %s", path).isEqualTo("/login");
        }
    }

    @Test
    void anonymousPostIsRejected() {
        HttpResponse<String> response = new PageSession(base).post("/inbox/new", Map.of(), "contact", "1", "body", "Hi");

        assertThat(response.statusCode()).isIn(302, 303, 403);
    }

    @Test
    void adminAndAgentSeeInbox() {
        PageSession agent = signedInAgent(base, admin);

        for (PageSession session : List.of(admin, agent)) {
            HttpResponse<String> response = session.get("/inbox");
            assertThat(response.statusCode()).isEqualTo(200);
            Document page = PageSession.document(response);
            assertThat(page.select("nav[aria-label=Main] a.nav-link[href=/inbox]").text()).isEqualTo("Inbox");
            assertThat(page.select("a[href=/inbox/new]").text()).isEqualTo("New message");
        }
    }

    @Test
    void agentLandsOnInboxAfterSignIn() {
        PageSession agent = signedInAgent(base, admin);

        HttpResponse<String> response = agent.get("/inbox");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(PageSession.document(response).select("main h1").text()).isEqualTo("Inbox");
    }

    @Test
    void newMessageStartsOneConversationPerContact() {
        PageSession agent = signedInAgent(base, admin);
        String tag = "Outbound " + unique();
        long first = contact(tag + " A");
        long second = contact(tag + " B");

        List<Long> conversations = startConversations(agent, "Your order shipped", first, second);

        for (long conversationId : conversations) {
            assertThat(state(conversationId)).isEqualTo("OPEN");
            assertThat(TestDatabase.number("SELECT COUNT(*) FROM conversation_part WHERE conversation_id = ? "
                    + "AND kind = 'AGENT_MESSAGE' AND body = 'Your order shipped'", conversationId)).isEqualTo(1);
            assertThat(TestDatabase.number("SELECT COUNT(*) FROM conversation WHERE id = ? AND channel = 'MESSENGER' "
                    + "AND started_by IS NOT NULL", conversationId)).isEqualTo(1);
        }
        assertThat(TestDatabase.number("SELECT COUNT(DISTINCT contact_id) FROM conversation WHERE id IN (?, ?)",
                conversations.get(0), conversations.get(1))).isEqualTo(2);
        Document sent = PageSession.document(agent.htmxPost("/inbox/new", "contact", String.valueOf(first),
                "contact", String.valueOf(second), "body", "One more"));
        List<String> appPaths = sent.select("[role=group][aria-label=Apps] button").eachAttr("hx-get");
        assertThat(appPaths).isNotEmpty();
        List<String> newIds = sent.select("ul[aria-label=New conversations] a").eachAttr("href").stream()
                .map(href -> href.substring("/inbox/conversations/".length()))
                .toList();
        for (String path : appPaths) {
            for (String id : newIds) {
                assertThat(path).as("composer path of all new conversations").contains("conversation=" + id);
            }
        }
        Document inbox = PageSession.document(agent.get("/inbox"));
        assertThat(inbox.select("a[href=/inbox/conversations/" + conversations.getFirst() + "]").text())
                .isEqualTo(tag + " A 1");
    }

    @Test
    void newMessageRejectsEmptyBodyAndUnknownContact() {
        PageSession agent = signedInAgent(base, admin);
        long known = contact("Rejected " + unique());
        long before = TestDatabase.number("SELECT COUNT(*) FROM conversation");

        HttpResponse<String> empty = agent.htmxPost("/inbox/new", "contact", String.valueOf(known), "body", "  ");
        HttpResponse<String> unknown = agent.htmxPost("/inbox/new", "contact", String.valueOf(known),
                "contact", "999999999", "body", "Hello");
        HttpResponse<String> nobody = agent.htmxPost("/inbox/new", "body", "Hello");

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("The message is empty");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("999999999");
        assertThat(nobody.statusCode()).isEqualTo(400);
        assertThat(nobody.body()).contains("No contact was chosen");
        assertThat(TestDatabase.number("SELECT COUNT(*) FROM conversation")).isEqualTo(before);
    }

    @Test
    void replyRequiresCsrfToken() {
        PageSession agent = signedInAgent(base, admin);
        long conversation = startConversations(agent, "Hello", contact("Csrf " + unique())).getFirst();
        String path = "/inbox/conversations/" + conversation + "/replies";

        HttpResponse<String> withoutToken = agent.post(path, Map.of("HX-Request", "true"), "body", "Sneaky");
        HttpResponse<String> wrongToken = agent.post(path, Map.of("HX-Request", "true", "X-CSRF-Token", "wrong"),
                "body", "Sneaky");

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(TestDatabase.number("SELECT COUNT(*) FROM conversation_part WHERE conversation_id = ? AND body = 'Sneaky'",
                conversation)).isZero();
    }

    @Test
    void replyIsStoredAndPolled() {
        PageSession agent = signedInAgent(base, admin);
        long conversation = startConversations(agent, "Hello", contact("Reply " + unique())).getFirst();
        long lastId = TestDatabase.number("SELECT MAX(id) FROM conversation_part WHERE conversation_id = ?", conversation);

        HttpResponse<String> reply = agent.htmxPost("/inbox/conversations/" + conversation + "/replies",
                "body", "Line one\nLine <b>two</b>");
        HttpResponse<String> newParts = agent.htmxGet("/inbox/conversations/" + conversation + "/parts?after=" + lastId);
        HttpResponse<String> nothingNew = agent.htmxGet("/inbox/conversations/" + conversation + "/parts?after="
                + TestDatabase.number("SELECT MAX(id) FROM conversation_part WHERE conversation_id = ?", conversation));

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("HX-Trigger")).contains("conversationPartsChanged");
        assertThat(PageSession.document(reply).select("#conversation-state[hx-swap-oob] input[name=version]").val())
                .isEqualTo(String.valueOf(TestDatabase.number("SELECT version FROM conversation WHERE id = ?", conversation)));
        assertThat(newParts.statusCode()).isEqualTo(200);
        Document parts = PageSession.document(newParts);
        assertThat(parts.select("article[data-kind=agent_message]")).hasSize(1);
        assertThat(parts.select("article[data-kind=agent_message] p").text()).isEqualTo("Line one Line <b>two</b>");
        assertThat(parts.select("article[data-kind=agent_message] p br")).hasSize(2);
        assertThat(parts.select("article b")).isEmpty();
        assertThat(newParts.body()).contains("Line &lt;b&gt;two&lt;/b&gt;");
        assertThat(parts.select("#parts-poller").attr("hx-get")).endsWith("after="
                + TestDatabase.number("SELECT MAX(id) FROM conversation_part WHERE conversation_id = ?", conversation));
        assertThat(nothingNew.statusCode()).isEqualTo(204);
    }

    @Test
    void replyRejectsEmptyAndOverlongBody() {
        PageSession agent = signedInAgent(base, admin);
        long conversation = startConversations(agent, "Hello", contact("Long " + unique())).getFirst();
        String path = "/inbox/conversations/" + conversation + "/replies";

        HttpResponse<String> empty = agent.htmxPost(path, "body", "");
        HttpResponse<String> overlong = agent.htmxPost(path, "body", "x".repeat(10_001));

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(overlong.statusCode()).isEqualTo(400);
        assertThat(overlong.body()).contains("10001 characters");
        assertThat(TestDatabase.number("SELECT COUNT(*) FROM conversation_part WHERE conversation_id = ?", conversation))
                .isEqualTo(1);
    }

    @Test
    void replyToUnknownConversationIsNotFound() {
        PageSession agent = signedInAgent(base, admin);

        HttpResponse<String> response = agent.htmxPost("/inbox/conversations/999999999/replies", "body", "Hello");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Conversation 999999999 was not found");
    }

    @Test
    void closeAndReopenWithVersions() {
        PageSession agent = signedInAgent(base, admin);
        long conversation = startConversations(agent, "Hello", contact("Close " + unique())).getFirst();
        String seen = shownVersion(agent, conversation);

        HttpResponse<String> closed = agent.htmxPost("/inbox/conversations/" + conversation + "/close", "version", seen);

        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(state(conversation)).isEqualTo("CLOSED");
        assertThat(PageSession.document(closed).select("button").text()).isEqualTo("Reopen conversation");
        assertThat(PageSession.document(agent.get("/inbox?state=closed"))
                .select("a[href=/inbox/conversations/" + conversation + "]")).hasSize(1);
        assertThat(PageSession.document(agent.get("/inbox"))
                .select("a[href=/inbox/conversations/" + conversation + "]")).isEmpty();

        HttpResponse<String> stale = agent.htmxPost("/inbox/conversations/" + conversation + "/reopen", "version", seen);

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("changed while you were looking at it");
        assertThat(state(conversation)).isEqualTo("CLOSED");

        HttpResponse<String> reopened = agent.htmxPost("/inbox/conversations/" + conversation + "/reopen",
                "version", shownVersion(agent, conversation));

        assertThat(reopened.statusCode()).isEqualTo(200);
        assertThat(state(conversation)).isEqualTo("OPEN");
        assertThat(TestDatabase.number("SELECT COUNT(*) FROM conversation_part WHERE conversation_id = ? AND kind = 'EVENT'",
                conversation)).isEqualTo(2);
    }

    @Test
    void closeRequiresCsrfToken() {
        PageSession agent = signedInAgent(base, admin);
        long conversation = startConversations(agent, "Hello", contact("Close csrf " + unique())).getFirst();

        HttpResponse<String> response = agent.post("/inbox/conversations/" + conversation + "/close",
                Map.of("HX-Request", "true"), "version", shownVersion(agent, conversation));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(state(conversation)).isEqualTo("OPEN");
    }

    @Test
    void customerMessageFromDatabaseIsPolled() {
        PageSession agent = signedInAgent(base, admin);
        long conversation = startConversations(agent, "Hello", contact("Polled " + unique())).getFirst();
        long lastId = TestDatabase.number("SELECT MAX(id) FROM conversation_part WHERE conversation_id = ?", conversation);
        long partId = insertCustomerMessage(conversation, "Where is my parcel?");

        HttpResponse<String> response = agent.htmxGet("/inbox/conversations/" + conversation + "/parts?after=" + lastId);

        Document parts = PageSession.document(response);
        assertThat(parts.select("#part-" + partId + "[data-kind=customer_message]").text()).contains("Where is my parcel?");
        assertThat(PageSession.document(agent.get("/inbox")).select("li:has(a[href=/inbox/conversations/"
                + conversation + "])").text()).contains("Where is my parcel?");
    }

    @Test
    void conversationPageLoadsPollScript() {
        PageSession agent = signedInAgent(base, admin);
        long conversation = startConversations(agent, "Hello", contact("Script " + unique())).getFirst();

        Document page = PageSession.document(agent.get("/inbox/conversations/" + conversation));
        HttpResponse<String> script = agent.get(page.select("script[src^=/inbox/]").attr("src"));

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
        assertThat(script.body()).contains("parts-poller");
    }

    @Test
    void profileLinksContactConversations() {
        PageSession agent = signedInAgent(base, admin);
        long contactId = contact("Profile " + unique());
        long conversation = startConversations(agent, "Hello", contactId).getFirst();

        Document panel = PageSession.document(admin.htmxGet("/inbox/contacts/" + contactId + "/conversations"));
        Document profile = PageSession.document(admin.get("/admin/contacts/" + contactId));

        assertThat(panel.select("a[href=/inbox/conversations/" + conversation + "]")).hasSize(1);
        assertThat(profile.select("#contact-conversations").attr("hx-get"))
                .isEqualTo("/inbox/contacts/" + contactId + "/conversations");
    }

    @Test
    void customerMessageReopensClosedConversation() {
        PageSession agent = signedInAgent(base, admin);
        MessengerCustomer customer = MessengerCustomer.arrive(base);
        long conversation = customer.write("First question " + unique());
        HttpResponse<String> closed = agent.htmxPost("/inbox/conversations/" + conversation + "/close",
                "version", shownVersion(agent, conversation));
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(state(conversation)).isEqualTo("CLOSED");

        String followUp = "Second question " + unique();
        long written = customer.write(followUp);

        assertThat(written).isEqualTo(conversation);
        assertThat(state(conversation)).isEqualTo("OPEN");
        assertThat(TestDatabase.number("SELECT COUNT(*) FROM conversation_part WHERE conversation_id = ? AND kind = 'EVENT' "
                + "AND body = 'Reopened by the contact''s message'", conversation)).isEqualTo(1);
        Document page = PageSession.document(agent.get("/inbox/conversations/" + conversation));
        assertThat(page.select("#parts article[data-kind=customer_message]").text()).contains(followUp);
        assertThat(page.select("#conversation-state button").text()).isEqualTo("Close conversation");
    }

    @Test
    void customerCannotWriteIntoOtherContactsConversation() {
        PageSession agent = signedInAgent(base, admin);
        long other = startConversations(agent, "Only for Ann", contact("Other " + unique())).getFirst();
        MessengerCustomer customer = MessengerCustomer.arrive(base);
        String text = "Intruding " + unique();

        long written = customer.write(text);

        assertThat(written).isNotEqualTo(other);
        assertThat(TestDatabase.number("SELECT COUNT(*) FROM conversation_part WHERE conversation_id = ? "
                + "AND kind = 'CUSTOMER_MESSAGE'", other)).isZero();
        assertThat(TestDatabase.number("SELECT COUNT(*) FROM conversation a JOIN conversation b ON a.contact_id = b.contact_id "
                + "WHERE a.id = ? AND b.id = ?", written, other)).isZero();
    }
}
