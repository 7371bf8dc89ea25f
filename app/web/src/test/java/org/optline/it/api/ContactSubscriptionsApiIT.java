package org.optline.it.api;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.optline.it.support.ApiClient;
import org.optline.it.support.Http;
import org.optline.it.support.LocalOptline;
import org.optline.it.support.OptlineDeployment;
import org.optline.it.support.TestCredentials;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contact's subscription list, {@code GET /api/contacts/{id}/subscriptions}, reads the types from a
 * short-lived copy: these tests show that consent changes, renames and types made elsewhere still show
 * at once. Contacts are inserted with SQL, as another instance or an import would store them.
 */
@ExtendWith(ArquillianExtension.class)
class ContactSubscriptionsApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return OptlineDeployment.packagedWar();
    }

    @ArquillianResource
    URL deployment;

    private ApiClient api;

    @BeforeEach
    void connect() {
        URI base = LocalOptline.base(deployment);
        api = new ApiClient(base, TestCredentials.apiToken());
    }

    @Test
    void attachShowsInListAtOnce() throws SQLException {
        long contact = insertContact("+12015550142");
        String type = liveSmsOptInType("Deliveries " + UUID.randomUUID());
        List<String> before = listedIds(contact);

        HttpResponse<String> attached = api.post("/api/contacts/" + contact + "/subscriptions", "{\"id\":\"" + type + "\"}");

        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(200);
        assertThat(before).doesNotContain(type);
        JsonObject listed = listed(contact, type);
        assertThat(listed.getString("type")).isEqualTo("subscription");
        assertThat(listed.getString("consent_type")).isEqualTo("opt_in");
        assertThat(listed.getJsonArray("content_types").getString(0)).isEqualTo("sms_message");
    }

    @Test
    void archivedTypeRefusalNamesFix() throws SQLException {
        long contact = insertContact("+12015550148");
        String type = liveSmsOptInType("Retired deals " + UUID.randomUUID());
        HttpResponse<String> archived = api.post("/api/subscription_types/" + type + "/archive", "");

        HttpResponse<String> attached = api.post("/api/contacts/" + contact + "/subscriptions", "{\"id\":\"" + type + "\"}");

        assertThat(archived.statusCode()).as(archived.body()).isEqualTo(200);
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(409);
        String message = Http.json(attached).getJsonArray("errors").getJsonObject(0).getString("message");
        assertThat(message).contains("is archived").contains("create a new type instead");
        assertThat(message).doesNotContain("Put it live");
    }

    @Test
    void detachLeavesListAtOnce() throws SQLException {
        long contact = insertContact("+12015550143");
        String type = liveSmsOptInType("Reminders " + UUID.randomUUID());
        api.post("/api/contacts/" + contact + "/subscriptions", "{\"id\":\"" + type + "\"}");
        List<String> attached = listedIds(contact);

        HttpResponse<String> detached = api.send(api.http().request("/api/contacts/" + contact + "/subscriptions/" + type)
                .DELETE());

        assertThat(detached.statusCode()).as(detached.body()).isEqualTo(200);
        assertThat(attached).contains(type);
        assertThat(listedIds(contact)).doesNotContain(type);
    }

    @Test
    void renameShowsInListAtOnce() throws SQLException {
        long contact = insertContact("+12015550144");
        String type = liveSmsOptInType("Old name " + UUID.randomUUID());
        api.post("/api/contacts/" + contact + "/subscriptions", "{\"id\":\"" + type + "\"}");
        listedIds(contact);
        String renamed = "New name " + UUID.randomUUID();

        HttpResponse<String> put = api.put("/api/subscription_types/" + type, "{\"default_translation\":{\"locale\":\"en\","
                + "\"name\":\"" + renamed + "\",\"description\":\"\"}}", null);

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(listed(contact, type).getJsonObject("default_translation").getString("name")).isEqualTo(renamed);
    }

    @Test
    void typeStoredElsewhereIsListed() throws SQLException {
        long contact = insertContact("+12015550145");
        listedIds(contact);
        String type = String.valueOf(insertLiveEmailOptOutType("Surveys " + UUID.randomUUID()));

        HttpResponse<String> attached = api.post("/api/contacts/" + contact + "/subscriptions", "{\"id\":\"" + type + "\"}");

        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(200);
        assertThat(listed(contact, type).getString("consent_type")).isEqualTo("opt_out");
    }

    @Test
    void smsOptInNotListedForNewNumber() throws SQLException {
        long contact = insertContact("+12015550146");
        String type = liveSmsOptInType("Alerts " + UUID.randomUUID());
        api.post("/api/contacts/" + contact + "/subscriptions", "{\"id\":\"" + type + "\"}");
        List<String> before = listedIds(contact);

        execute("UPDATE contact SET phone = '+12015550199' WHERE id = " + contact);

        assertThat(before).contains(type);
        assertThat(listedIds(contact)).doesNotContain(type);
    }

    @Test
    void deletedContactIsNotFound() throws SQLException {
        long contact = insertContact("+12015550147");

        execute("UPDATE contact SET deleted_at = UTC_TIMESTAMP(6) WHERE id = " + contact);

        assertThat(api.get("/api/contacts/" + contact + "/subscriptions").statusCode()).isEqualTo(404);
    }

    @Test
    void unknownContactIsNotFound() {
        HttpResponse<String> response = api.get("/api/contacts/987654321987/subscriptions");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Http.json(response).getString("type")).isEqualTo("error.list");
    }

    private List<String> listedIds(long contact) {
        HttpResponse<String> response = api.get("/api/contacts/" + contact + "/subscriptions");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response).getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .map(type -> type.getString("id"))
                .toList();
    }

    private JsonObject listed(long contact, String type) {
        HttpResponse<String> response = api.get("/api/contacts/" + contact + "/subscriptions");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response).getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .filter(listed -> listed.getString("id").equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Type " + type + " is not listed: " + response.body()));
    }

    private String liveSmsOptInType(String name) {
        HttpResponse<String> created = api.post("/api/subscription_types", SubscriptionTypesApiIT.smsOptIn(name, ""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String id = Http.json(created).getString("id");
        assertThat(api.post("/api/subscription_types/" + id + "/put_live", "").statusCode()).isEqualTo(200);
        return id;
    }

    /** Stores a live type with SQL only, as another instance would, so this instance's copy lacks it. */
    private long insertLiveEmailOptOutType(String name) throws SQLException {
        long id = insert("INSERT INTO subscription_type (message_type, consent_type, state, default_locale, created_at, "
                + "updated_at, live_at) VALUES ('EMAIL', 'OPT_OUT', 'LIVE', 'en', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), "
                + "UTC_TIMESTAMP(6))");
        execute("INSERT INTO subscription_type_translation (subscription_type_id, locale, name, description) VALUES ("
                + id + ", 'en', '" + name + "', '')");
        return id;
    }

    private long insertContact(String phone) throws SQLException {
        return insert("INSERT INTO contact (role, email, phone, phone_type, created_at, updated_at) VALUES ('USER', '"
                + "subs-" + UUID.randomUUID() + "@example.com', '" + phone + "', 'FIXED_LINE_OR_MOBILE', "
                + "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))");
    }

    private long insert(String sql) throws SQLException {
        try (Connection connection = database(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS);
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    /** Connects to the database of the app under test, which bin/test names in the environment. */
    private static Connection database() throws SQLException {
        String url = System.getenv("OPTLINE_DB_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("OPTLINE_DB_URL is not set. Run the integration tests with bin/test.");
        }
        return DriverManager.getConnection(url, System.getenv("OPTLINE_DB_USER"), System.getenv("OPTLINE_DB_PASSWORD"));
    }
}
