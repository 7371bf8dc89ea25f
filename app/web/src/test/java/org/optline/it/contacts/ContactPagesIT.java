package org.optline.it.contacts;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.optline.it.support.ApiClient;
import org.optline.it.support.LocalOptline;
import org.optline.it.support.OptlineDeployment;
import org.optline.it.support.PageSession;
import org.optline.it.support.TestCredentials;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.optline.it.contacts.ContactFixtures.unique;

/**
 * The contact pages over plain HTTP, sending what a page form cannot: values past a field's limits,
 * numbers that are no numbers, requests without the CSRF token. Each must be rejected with a 4xx and
 * store nothing.
 */
@ExtendWith(ArquillianExtension.class)
class ContactPagesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return OptlineDeployment.packagedWar();
    }

    @ArquillianResource
    URL deployment;

    private PageSession admin;
    private ContactFixtures fixtures;

    @BeforeEach
    void signIn() {
        URI base = LocalOptline.base(deployment);
        admin = PageSession.signedInAdmin(base);
        fixtures = new ContactFixtures(new ApiClient(base, TestCredentials.apiToken()), admin);
    }

    /** Returns the contacts list's results for the search text {@code search}. */
    private String results(String search) {
        HttpResponse<String> response = admin.htmxGet("/admin/contacts/list?q=" + URLEncoder.encode(search, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void tenThousandCharacterNameIsRejected() {
        String email = "long-" + unique() + "@example.com";

        HttpResponse<String> response = admin.htmxPost("/admin/contacts", "role", "user", "name", "x".repeat(10_000),
                "email", email, "phone", "", "external_id", "");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("HX-Retarget")).hasValue("#flash");
        assertThat(response.body()).contains("name is 10000 characters long");
        assertThat(response.body()).contains("maximum is 255");
        assertThat(results(email)).contains("0 contacts match");
    }

    @Test
    void invalidPhoneIsRejected() {
        String email = "phone-" + unique() + "@example.com";

        HttpResponse<String> response = admin.htmxPost("/admin/contacts", "role", "user", "name", "Bad number",
                "email", email, "phone", "12345", "external_id", "");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("'12345' is not a valid phone number");
        assertThat(results(email)).contains("0 contacts match");
    }

    @Test
    void createWithoutCsrfTokenIsForbidden() {
        String email = "forged-" + unique() + "@example.com";

        HttpResponse<String> response = admin.post("/admin/contacts", Map.of("HX-Request", "true"),
                "role", "user", "name", "Forged", "email", email, "phone", "", "external_id", "");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(results(email)).contains("0 contacts match");
    }

    @Test
    void toggleWithoutCsrfTokenIsForbidden() {
        String typeId = fixtures.liveSmsOptIn("Forged deals " + unique());
        String contactId = fixtures.contact("Forged toggle", "toggle-" + unique() + "@example.com", "201 555 0150");

        HttpResponse<String> response = admin.post("/admin/contacts/" + contactId + "/subscription-preferences/" + typeId,
                Map.of("HX-Request", "true"), "subscribed", "true");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(admin.htmxGet("/admin/contacts/" + contactId + "/consent-history").body()).contains("No consent events yet");
    }

    @Test
    void editWithoutCsrfTokenIsForbidden() {
        String email = "edit-" + unique() + "@example.com";
        String contactId = fixtures.contact("Before edit", email, "");

        HttpResponse<String> response = admin.post("/admin/contacts/" + contactId, Map.of("HX-Request", "true"),
                "version", "1", "role", "user", "name", "After edit", "email", email, "phone", "", "external_id", "");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(admin.htmxGet("/admin/contacts/" + contactId + "/details").body()).contains("Before edit");
    }

    @Test
    void staleEditIsConflict() {
        String email = "stale-" + unique() + "@example.com";
        String contactId = fixtures.contact("First name", email, "");
        admin.htmxPost("/admin/contacts/" + contactId, "version", "1", "role", "user", "name", "Second name",
                "email", email, "phone", "", "external_id", "");

        HttpResponse<String> response = admin.htmxPost("/admin/contacts/" + contactId, "version", "1", "role", "user",
                "name", "Stale name", "email", email, "phone", "", "external_id", "");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("changed by someone else");
        assertThat(admin.htmxGet("/admin/contacts/" + contactId + "/details").body()).contains("Second name");
    }

    @Test
    void duplicateEmailNamesExistingContact() {
        String email = "twice-" + unique() + "@example.com";
        String first = fixtures.contact("First", email, "");

        HttpResponse<String> response = admin.htmxPost("/admin/contacts", "role", "user", "name", "Second",
                "email", email.toUpperCase(), "phone", "", "external_id", "");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("already exists with id=" + first);
    }

    @Test
    void numberTypedThreeWaysFindsOneContact() {
        String name = "Three ways " + unique();
        String contactId = fixtures.contact(name, "", "+1 (201) 555-0161");

        assertThat(results("201.555.0161")).contains("/admin/contacts/" + contactId + "\"");
        assertThat(results("12015550161")).contains("/admin/contacts/" + contactId + "\"");
        assertThat(results("(201) 555-0161")).contains("/admin/contacts/" + contactId + "\"");
    }

    @Test
    void landlineOptInIsRefusedAndNothingRecorded() {
        String typeId = fixtures.liveSmsOptIn("Landline deals " + unique());
        String contactId = fixtures.contact("Landline " + unique(), "", "+44 20 7946 0958");

        HttpResponse<String> response = admin.htmxPost("/admin/contacts/" + contactId + "/subscription-preferences/" + typeId,
                "subscribed", "true");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("HX-Retarget")).hasValue("#preference-" + typeId);
        assertThat(response.body()).contains("cannot take texts");
        assertThat(admin.htmxGet("/admin/contacts/" + contactId + "/consent-history").body()).contains("No consent events yet");
    }

    @Test
    void overrideReasonWithoutConfirmationIsRejected() {
        String typeId = fixtures.liveSmsOptIn("Unconfirmed override " + unique());
        String contactId = fixtures.contact("Override " + unique(), "", "201 555 0162");

        HttpResponse<String> response = admin.htmxPost("/admin/contacts/" + contactId + "/subscription-preferences/" + typeId,
                "subscribed", "true", "override_reason", "Signed the paper form yesterday");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Override the customer");
        assertThat(admin.htmxGet("/admin/contacts/" + contactId + "/consent-history").body()).contains("No consent events yet");
    }

    @Test
    void unknownFilterChoiceIsRejected() {
        String typeId = fixtures.liveSmsOptIn("Filtered " + unique());

        HttpResponse<String> response = admin.htmxGet("/admin/contacts/list?subscription_type." + typeId + "=maybe");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("'maybe' is not a choice");
    }

    @Test
    void unknownProfileIsNotFound() {
        assertThat(admin.get("/admin/contacts/999999999").statusCode()).isEqualTo(404);
        assertThat(admin.htmxGet("/admin/contacts/999999999/subscription-preferences").statusCode()).isEqualTo(404);
        assertThat(admin.htmxGet("/admin/contacts/999999999/consent-history").statusCode()).isEqualTo(404);
    }

    @Test
    void deleteSendsBrowserToListAndHidesContact() {
        String name = "Deleted " + unique();
        String contactId = fixtures.contact(name, "", "");

        HttpResponse<String> response = admin.htmxDelete("/admin/contacts/" + contactId, true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("HX-Redirect")).hasValue("/admin/contacts");
        assertThat(results(name)).contains("0 contacts match");
        assertThat(admin.get("/admin/contacts/" + contactId).statusCode()).isEqualTo(404);
    }

    @Test
    void deleteWithoutCsrfTokenIsForbidden() {
        String name = "Kept " + unique();
        String contactId = fixtures.contact(name, "", "");

        HttpResponse<String> response = admin.htmxDelete("/admin/contacts/" + contactId, false);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(results(name)).contains("1 contact matches");
    }

    @Test
    void defaultCountryReadsNationalNumbers() {
        try {
            HttpResponse<String> changed = admin.htmxPost("/admin/settings/default-country", "default_country", "gb");
            String contactId = fixtures.contact("London " + unique(), "", "020 7946 0958");

            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(changed.body()).contains("United Kingdom (GB)");
            assertThat(admin.htmxGet("/admin/contacts/" + contactId + "/details").body()).contains("+44 20 7946 0958");
        } finally {
            admin.htmxPost("/admin/settings/default-country", "default_country", "US");
        }
    }

    @Test
    void unknownDefaultCountryIsRejected() {
        HttpResponse<String> response = admin.htmxPost("/admin/settings/default-country", "default_country", "XX");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("'XX' is not a country code");
        assertThat(admin.get("/admin/settings").body()).contains("<option value=\"US\" selected>");
    }
}
