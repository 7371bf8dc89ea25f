package org.optline.segments.boundary;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.optline.contacts.api.ContactQuery;
import org.optline.contacts.api.Contacts;
import org.optline.platform.InvalidInputException;
import org.optline.platform.web.Page;
import org.optline.segments.api.SegmentNotFoundException;
import org.optline.segments.api.SegmentView;
import org.optline.segments.control.SegmentStore;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.SubscriptionTypes;

import java.util.List;
import java.util.Map;

import static org.optline.segments.boundary.SegmentsTemplates.redirect;
import static org.optline.segments.boundary.SegmentsTemplates.render;

/**
 * The admin segments pages: the list with each segment's current size, the editor whose count follows
 * the conditions as they are typed, and deletion. "Save as segment" on the contacts list links to the
 * new-segment editor with the list's filter parameters.
 */
@Path("admin/segments")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class SegmentsPage {

    @Inject
    SegmentStore store;

    @Inject
    Contacts contacts;

    @Inject
    SubscriptionTypes types;

    @GET
    @Operation(hidden = true)
    public Page list() {
        List<SegmentRow> rows = store.list().stream().map(segment -> new SegmentRow(segment, contacts.count(segment.query())))
                .toList();
        return new Page("Segments", "segments", render("segments/list.jte", Map.of("rows", rows)));
    }

    /** Opens the editor for a new segment, with the conditions of the contacts list filter in the query parameters. */
    @GET
    @Path("new")
    @Operation(hidden = true)
    public Page newSegment(@Context UriInfo uri) {
        ContactQuery query = contacts.listFilter(uri.getQueryParameters()).query();
        EditorModel editor = new EditorModel(null, "", conditionsText(query), 0, contacts.count(query),
                types.live(MessageType.SMS), contacts.listFilters());
        return new Page("New segment", "segments", render("segments/editor.jte", Map.of("editor", editor)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@FormParam("name") String name, @FormParam("conditions") String conditions,
                           @Context SecurityContext caller) {
        SegmentView created = store.create(name, conditions, caller.getUserPrincipal().getName());
        return redirect("/admin/segments/" + created.id());
    }

    @GET
    @Path("{id: [0-9]{1,18}}")
    @Operation(hidden = true)
    public Page edit(@PathParam("id") long id) {
        SegmentView segment = store.find(id).orElseThrow(() -> new SegmentNotFoundException(id));
        EditorModel editor = new EditorModel(id, segment.name(), conditionsText(segment.query()), segment.version(),
                contacts.count(segment.query()), types.live(MessageType.SMS), contacts.listFilters());
        return new Page(segment.name(), "segments", render("segments/editor.jte", Map.of("editor", editor)));
    }

    @POST
    @Path("{id: [0-9]{1,18}}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response change(@PathParam("id") long id, @FormParam("name") String name,
                           @FormParam("conditions") String conditions, @FormParam("version") String version,
                           @Context SecurityContext caller) {
        store.change(id, name, conditions, version(version), caller.getUserPrincipal().getName());
        return redirect("/admin/segments");
    }

    @DELETE
    @Path("{id: [0-9]{1,18}}")
    @Operation(hidden = true)
    public Response delete(@PathParam("id") long id, @QueryParam("version") String version, @Context SecurityContext caller) {
        store.delete(id, version(version), caller.getUserPrincipal().getName());
        return redirect("/admin/segments");
    }

    /**
     * Counts the contacts that match conditions as they are typed. Invalid conditions show their error in
     * place of the count, because the admin is still typing.
     */
    @GET
    @Path("count")
    @Operation(hidden = true)
    public Content count(@QueryParam("conditions") String conditions) {
        try {
            long count = contacts.count(store.parseConditions(conditions));
            return render("segments/count.jte", Map.of("count", count, "error", ""));
        } catch (InvalidInputException e) {
            return render("segments/count.jte", Map.of("count", -1L, "error", e.getMessage()));
        }
    }

    private static String conditionsText(ContactQuery query) {
        return query instanceof ContactQuery.All ? "" : Contacts.writeQuery(query).toString();
    }

    private static long version(String text) {
        if (text == null || !text.matches("[0-9]{1,18}")) {
            throw new InvalidInputException("version", "version '" + text + "' is not a version number. Reload the page and retry.");
        }
        return Long.parseLong(text);
    }
}
