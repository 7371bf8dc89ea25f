package org.optline.contacts.boundary;

import gg.jte.Content;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.optline.contacts.api.ContactNotFoundException;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.Contacts;
import org.optline.platform.web.Htmx;
import org.optline.platform.web.Page;

import java.util.HashMap;
import java.util.Map;

import static org.optline.contacts.boundary.ContactsTemplates.changed;
import static org.optline.contacts.boundary.ContactsTemplates.render;

/**
 * A contact's profile page, in htmx: the contact's fields, edited in place against the version they
 * were shown with, and deletion. The subscriptions module fills the page's two consent panels, which
 * reload on the {@value #CONSENT_CHANGED} event.
 */
@Path("admin/contacts/{id: [0-9]+}")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class ContactProfilePage {

    /**
     * The htmx event on which the consent panels reload. A save fires it because a new phone number
     * changes which SMS opt-ins count.
     */
    static final String CONSENT_CHANGED = "consentChanged";

    @Inject
    Contacts contacts;

    @GET
    @Operation(hidden = true)
    public Page page(@PathParam("id") String id) {
        ContactView contact = require(id);
        return new Page(Formats.displayName(contact), "contacts", render("contacts/profile.jte", Map.of("contact", contact)));
    }

    @GET
    @Path("details")
    @Operation(hidden = true)
    public Content details(@PathParam("id") String id) {
        return details(require(id), null);
    }

    @GET
    @Path("edit")
    @Operation(hidden = true)
    public Content editForm(@PathParam("id") String id) {
        return render("contacts/editForm.jte", Map.of("contact", require(id), "defaultCountry", contacts.defaultCountry()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response save(@PathParam("id") String id, @FormParam("version") String version,
                         @FormParam("role") String role, @FormParam("name") String name,
                         @FormParam("email") String email, @FormParam("phone") String phone,
                         @FormParam("external_id") String externalId, @Context SecurityContext caller) {
        ContactForm form = new ContactForm(role, name, email, phone, externalId);
        ContactView saved = contacts.update(ContactIds.parse(id), form.changes(), ContactForm.version(version),
                caller.getUserPrincipal().getName());
        return changed(details(saved, "Saved the changes to " + Formats.displayName(saved) + "."), CONSENT_CHANGED);
    }

    /** Deletes the contact and sends the browser to the contacts list. */
    @DELETE
    @Operation(hidden = true)
    public Response delete(@PathParam("id") String id, @Context SecurityContext caller) {
        contacts.delete(ContactIds.parse(id), caller.getUserPrincipal().getName());
        return Response.ok().header(Htmx.REDIRECT, "/admin/contacts").build();
    }

    private ContactView require(String id) {
        return contacts.find(ContactIds.parse(id)).orElseThrow(() -> new ContactNotFoundException(id));
    }

    private static Content details(ContactView contact, String message) {
        Map<String, Object> params = new HashMap<>();
        params.put("contact", contact);
        params.put("message", message);
        return render("contacts/details.jte", params);
    }
}
