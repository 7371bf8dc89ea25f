package org.optline.it.helpdesk;

import org.jsoup.nodes.Document;
import org.optline.it.support.PageSession;
import org.optline.it.support.TestDatabase;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.optline.it.support.SubscriptionTypeFixtures.unique;

/** Agents, contacts and conversations for the inbox tests, made through the pages or the test database. */
final class InboxFixtures {

    private InboxFixtures() {
    }

    /** Creates an agent account through the admin's users page and returns a session signed in as it. */
    static PageSession signedInAgent(URI base, PageSession admin) {
        String email = "agent-" + unique() + "@tests.optline.invalid";
        String password = "agent-password-" + unique();
        HttpResponse<String> response = admin.htmxPost("/admin/users",
                "email", email, "name", "Agent " + unique(), "role", "AGENT", "password", password);
        assertThat(response.statusCode()).as("creating agent %s: %s", email, response.body()).isEqualTo(200);
        return PageSession.signedIn(base, email, password);
    }

    /** Inserts a contact named {@code name} with a mobile number and returns its id. */
    static long contact(String name) {
        return TestDatabase.insertContacts(name, 1, "+12015550142").getFirst();
    }

    /** Sends {@code body} from the "New message" page to the contacts and returns the new conversation ids. */
    static List<Long> startConversations(PageSession agent, String body, long... contactIds) {
        List<String> fields = new ArrayList<>();
        for (long contactId : contactIds) {
            fields.add("contact");
            fields.add(String.valueOf(contactId));
        }
        fields.add("body");
        fields.add(body);
        HttpResponse<String> response = agent.htmxPost("/inbox/new", fields.toArray(String[]::new));
        assertThat(response.statusCode()).as("sending a new message: %s", response.body()).isEqualTo(200);
        Document sent = PageSession.document(response);
        List<Long> ids = sent.select("ul[aria-label=New conversations] a").stream()
                .map(link -> Long.parseLong(link.attr("href").substring("/inbox/conversations/".length())))
                .toList();
        assertThat(ids).as("conversation links in %s", response.body()).hasSize(contactIds.length);
        return ids;
    }

    /** Returns the state column of a conversation. */
    static String state(long conversationId) {
        return text("SELECT state FROM conversation WHERE id = ?", conversationId);
    }

    /** Returns the version the conversation page shows in its close or reopen form. */
    static String shownVersion(PageSession agent, long conversationId) {
        Document page = PageSession.document(agent.get("/inbox/conversations/" + conversationId));
        return page.select("#conversation-state input[name=version]").val();
    }

    /**
     * Inserts a customer message straight into the table, as another app instance would have added it,
     * and returns its id. It bypasses the reopen rule, so tests of that rule must not use it.
     */
    static long insertCustomerMessage(long conversationId, String body) {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO conversation_part "
                     + "(conversation_id, kind, body, created_at) VALUES (?, 'CUSTOMER_MESSAGE', ?, UTC_TIMESTAMP(6))",
                     PreparedStatement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, conversationId);
            insert.setString(2, body);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Inserting a customer message into conversation " + conversationId
                    + " failed: " + e.getMessage(), e);
        }
    }

    private static String text(String sql, Object parameter) {
        try (Connection connection = TestDatabase.connect(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, parameter);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }
}
