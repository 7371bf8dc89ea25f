package org.optline.contacts.boundary;

import gg.jte.Content;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.optline.contacts.api.ContactFilterOptions;
import org.optline.contacts.api.ContactFilterOptions.Filter;
import org.optline.contacts.api.ContactPage;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.Contacts;
import org.optline.contacts.control.ContactFilterForm;
import org.optline.platform.InvalidInputException;
import org.optline.platform.web.Page;

import java.util.List;
import java.util.Map;

import static org.optline.contacts.boundary.ContactsTemplates.changed;
import static org.optline.contacts.boundary.ContactsTemplates.render;

/**
 * The admin list of contacts, in htmx: search and filters, pages of {@value #PER_PAGE} rows added with
 * "Load more", and the new-contact form. Filters of other modules, such as opt-in state per
 * subscription type, come from {@link ContactFilterOptions} beans.
 */
@Path("admin/contacts")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class ContactListPage {

    /** The htmx event that makes the list reload after a change. */
    static final String CHANGED = "contactsChanged";
    static final int PER_PAGE = 50;

    /** Response header that makes htmx show another address in the address bar without a history entry. */
    private static final String REPLACE_URL = "HX-Replace-Url";

    @Inject
    Contacts contacts;

    @GET
    @Operation(hidden = true)
    public Page page(@Context UriInfo uri) {
        ContactListModel list = search(uri, null, 0);
        return new Page("Contacts", "contacts", render("contacts/page.jte", Map.of("list", list)));
    }

    /** Returns the results for the filter form, and shows their address, so a reload keeps the filters. */
    @GET
    @Path("list")
    @Operation(hidden = true)
    public Response list(@Context UriInfo uri) {
        ContactListModel list = search(uri, null, 0);
        return Response.ok(render("contacts/results.jte", Map.of("list", list)))
                .header(REPLACE_URL, list.pageUrl())
                .build();
    }

    /** Returns the rows of the next page and a new "Load more" row. */
    @GET
    @Path("rows")
    @Operation(hidden = true)
    public Content rows(@Context UriInfo uri, @QueryParam("after") String after, @QueryParam("shown") String rowsShown) {
        return render("contacts/rows.jte", Map.of("list", search(uri, after, shownBefore(rowsShown))));
    }

    @GET
    @Path("new")
    @Operation(hidden = true)
    public Content newForm() {
        return render("contacts/newForm.jte", Map.of("defaultCountry", contacts.defaultCountry()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@FormParam("role") String role, @FormParam("name") String name,
                           @FormParam("email") String email, @FormParam("phone") String phone,
                           @FormParam("external_id") String externalId, @Context SecurityContext caller) {
        ContactForm form = new ContactForm(role, name, email, phone, externalId);
        ContactView created = contacts.create(form.changes(), caller.getUserPrincipal().getName());
        return changed(render("contacts/created.jte", Map.of("contact", created)), CHANGED);
    }

    private ContactListModel search(UriInfo uri, String after, int shownBefore) {
        List<Filter> filters = contacts.listFilters();
        // Contacts.listFilter, which the bulk actions use, reads the filter with the same two calls.
        ContactFilterForm form = ContactFilterForm.parse(uri.getQueryParameters(), filters);
        ContactPage page = contacts.search(form.query(contacts.defaultCountry()), after, PER_PAGE);
        return new ContactListModel(form, filters, page, shownBefore);
    }

    private static int shownBefore(String rowsShown) {
        if (rowsShown == null || !rowsShown.matches("[0-9]{1,9}")) {
            throw new InvalidInputException("shown", "shown '" + rowsShown + "' is not a row count. Reload the page and retry.");
        }
        return Integer.parseInt(rowsShown);
    }
}
