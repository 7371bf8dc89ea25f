package org.optline.it.contacts;

import jakarta.json.Json;
import org.optline.it.support.ApiClient;
import org.optline.it.support.Http;
import org.optline.it.support.PageSession;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates what the contact page tests start from: live subscription types through the API, contacts
 * through the pages or the API, and consent through the profile or the API.
 */
final class ContactFixtures {

    private static final Pattern PROFILE_LINK = Pattern.compile("href=\"/admin/contacts/([0-9]+)\"");

    private final ApiClient api;
    private final PageSession admin;

    ContactFixtures(ApiClient api, PageSession admin) {
        this.api = api;
        this.admin = admin;
    }

    /** Returns a short random text that makes names and emails of one test unique. */
    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a live SMS opt-in type named {@code name} and returns its id. */
    String liveSmsOptIn(String name) {
        String body = Json.createObjectBuilder()
                .add("message_type", "sms_message")
                .add("consent_type", "opt_in")
                .add("default_translation", Json.createObjectBuilder().add("name", name).add("description", "")
                        .add("locale", "en"))
                .build().toString();
        HttpResponse<String> created = api.post("/api/subscription_types", body);
        if (created.statusCode() != 200) {
            throw new AssertionError("Creating subscription type " + name + " failed: " + created.body());
        }
        String id = Http.json(created).getString("id");
        HttpResponse<String> live = api.post("/api/subscription_types/" + id + "/put_live", "");
        if (live.statusCode() != 200) {
            throw new AssertionError("Putting subscription type " + id + " live failed: " + live.body());
        }
        return id;
    }

    /** Creates a contact through the new-contact form and returns its id. */
    String contact(String name, String email, String phone) {
        HttpResponse<String> created = admin.htmxPost("/admin/contacts", "role", "user", "name", name, "email", email,
                "phone", phone, "external_id", "");
        if (created.statusCode() != 200) {
            throw new AssertionError("Creating contact " + name + " failed with " + created.statusCode() + ": " + created.body());
        }
        Matcher link = PROFILE_LINK.matcher(created.body());
        if (!link.find()) {
            throw new AssertionError("Found no link to the profile of " + name + " in: " + created.body());
        }
        return link.group(1);
    }

    /** Creates a user through the API and returns its id. */
    String apiContact(String name, String phone) {
        String body = Json.createObjectBuilder().add("role", "user").add("name", name).add("phone", phone).build().toString();
        HttpResponse<String> created = api.post("/api/contacts", body);
        if (created.statusCode() != 200) {
            throw new AssertionError("Creating contact " + name + " through the API failed: " + created.body());
        }
        return Http.json(created).getString("id");
    }

    /** Opts the contact in to the opt-in type through the API's subscriptions endpoint, or fails. */
    void apiOptIn(String contactId, String typeId) {
        String body = Json.createObjectBuilder().add("id", typeId).add("consent_type", "opt_in").build().toString();
        HttpResponse<String> attached = api.post("/api/contacts/" + contactId + "/subscriptions", body);
        if (attached.statusCode() != 200) {
            throw new AssertionError("Opting contact " + contactId + " in to type " + typeId + " failed: " + attached.body());
        }
    }

    /** Switches the contact's subscription through the profile's panel, or fails. */
    void toggle(String contactId, String typeId, boolean subscribed) {
        HttpResponse<String> response = admin.htmxPost("/admin/contacts/" + contactId + "/subscription-preferences/" + typeId,
                "subscribed", String.valueOf(subscribed));
        if (response.statusCode() != 200) {
            throw new AssertionError("Switching type " + typeId + " of contact " + contactId + " failed with "
                    + response.statusCode() + ": " + response.body());
        }
    }
}
