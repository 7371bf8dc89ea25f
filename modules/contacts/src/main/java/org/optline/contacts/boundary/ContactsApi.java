package org.optline.contacts.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.optline.contacts.api.ContactNotFoundException;
import org.optline.contacts.api.ContactQuery;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.Contacts;

/**
 * Intercom's contact endpoints: create, retrieve, update, delete, list and search. Success is always
 * 200, as in Intercom's API. Each contact response carries the contact's version as its ETag, which
 * PUT accepts in If-Match.
 */
@Path("api/contacts")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts")
public class ContactsApi {

    private static final String IF_MATCH = "The ETag of the last response for this contact, such as \"3\". A "
            + "change based on an older version is rejected with 409. Without it, the change applies to any version.";

    @Inject
    Contacts contacts;

    @Inject
    @ConfigProperty(name = "optline.workspace.id", defaultValue = "optline")
    String workspaceId;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createContact", summary = "Create a contact", description = "Intercom-compatible. "
            + "Needs at least one of email, external_id, phone or role (user by default). The phone number is read in "
            + "the workspace's default country unless it starts with +, 00 or 011, and stored in E.164. Unknown "
            + "fields are ignored.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "ContactRequest"),
            example = "{\"role\":\"user\",\"external_id\":\"crm-42\",\"email\":\"ann@example.com\","
            + "\"phone\":\"+1 (201) 555-0142\",\"name\":\"Ann Lee\",\"custom_attributes\":{\"plan\":\"pro\"}}"))
    @APIResponse(responseCode = "200", description = "The new contact.", headers = @Header(ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Contact")))
    @APIResponse(responseCode = "400", description = "A field is invalid, such as a phone number that is not a "
            + "valid number; the error names the field.")
    @APIResponse(responseCode = "409", description = "Another contact has the same email or external_id; the "
            + "message names its id.")
    public Response create(String body, @Context SecurityContext caller) {
        ContactView created = contacts.create(ContactRequests.creation(body), actor(caller));
        return ok(created);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "retrieveContact", summary = "Retrieve a contact", description = "Intercom-compatible. "
            + "The ETag header carries the version that PUT accepts in If-Match.")
    @APIResponse(responseCode = "200", description = "The contact.", headers = @Header(ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Contact")))
    @APIResponse(responseCode = "404", description = "No contact has this id, or it was deleted.")
    public Response find(@PathParam("id") String id) {
        return ok(require(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateContact", summary = "Update a contact", description = "Intercom-compatible. "
            + "Changes the fields sent; a field sent as null is cleared, custom_attributes are merged and an "
            + "attribute sent as null is removed. With If-Match, a change based on an older version is rejected "
            + "with 409.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "ContactRequest"),
            example = "{\"name\":\"Ann Lee-Smith\",\"custom_attributes\":{\"plan\":null}}"))
    @APIResponse(responseCode = "200", description = "The changed contact.", headers = @Header(ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Contact")))
    @APIResponse(responseCode = "400", description = "A field is invalid, or If-Match is not an entity tag of this "
            + "API; the error names the field.")
    @APIResponse(responseCode = "404", description = "No contact has this id, or it was deleted.")
    @APIResponse(responseCode = "409", description = "The email or external_id belongs to another contact, or the "
            + "contact changed since the If-Match version.")
    public Response update(@PathParam("id") String id, @Parameter(description = IF_MATCH) @HeaderParam("If-Match")
                           String ifMatch, String body, @Context SecurityContext caller) {
        long contactId = require(id).id();
        Long expected = ContactRequests.expectedVersion(ifMatch);
        ContactView updated = contacts.update(contactId, ContactRequests.changes(body), expected, actor(caller));
        return ok(updated);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteContact", summary = "Delete a contact", description = "Intercom-compatible. "
            + "The contact disappears from the API, lists and searches; its consent records are kept. Its email and "
            + "external_id become free for a new contact.")
    @APIResponse(responseCode = "200", description = "The deleted contact's ids.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ContactDeleted")))
    @APIResponse(responseCode = "404", description = "No contact has this id, or it was already deleted.")
    public ContactJson.Deleted delete(@PathParam("id") String id, @Context SecurityContext caller) {
        long contactId = require(id).id();
        return ContactJson.deleted(contacts.delete(contactId, actor(caller)));
    }

    @GET
    @Operation(operationId = "listContacts", summary = "List all contacts", description = "Intercom-compatible. "
            + "Contacts in id order, a page at a time; pass pages.next.starting_after of one page to get the next. "
            + "The last page has no next.")
    @APIResponse(responseCode = "200", description = "One page of contacts.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ContactList")))
    @APIResponse(responseCode = "400", description = "per_page is not 1 to 150, or starting_after is not a cursor of this API.")
    public ContactJson.ListJson list(
            @Parameter(description = "Contacts per page, 1 to 150; 50 when absent.") @QueryParam("per_page") String perPage,
            @Parameter(description = "The cursor of the page to return.") @QueryParam("starting_after") String startingAfter) {
        int size = ContactRequests.perPage(perPage);
        String cursor = ContactRequests.startingAfter(startingAfter);
        return ContactJson.list(contacts.search(new ContactQuery.All(), cursor, size), workspaceId);
    }

    @POST
    @Path("search")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "searchContacts", summary = "Search contacts", description = "Intercom-compatible "
            + "query language: a filter {field, operator, value} or a group {operator: AND|OR, value: [...]}, nested "
            + "at most two levels, at most 15 filters a group. Operators: = != IN NIN < <= > >= ~ !~ ^ $. Fields: id, role, name, email, phone (any "
            + "spelling of a number matches its E.164 form), external_id, created_at, updated_at, signed_up_at, "
            + "last_seen_at (Unix seconds, compared to the second), custom_attributes.<name>, and Optline's "
            + "subscription_type.<id> with opted_in, opted_out or not_set.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "ContactSearch"),
            example = "{\"query\":{\"operator\":\"AND\",\"value\":[{\"field\":\"phone\","
            + "\"operator\":\"=\",\"value\":\"201.555.0142\"},{\"field\":\"subscription_type.7\",\"operator\":\"=\","
            + "\"value\":\"opted_in\"}]},\"pagination\":{\"per_page\":50}}"))
    @APIResponse(responseCode = "200", description = "One page of the matching contacts.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ContactList")))
    @APIResponse(responseCode = "400", description = "The query names an unknown field or operator, or a value "
            + "of the wrong type; the error names the part of the query.")
    public ContactJson.ListJson search(String body) {
        ContactRequests.Search search = ContactRequests.search(body);
        return ContactJson.list(contacts.search(search.query(), search.startingAfter(), search.perPage()), workspaceId);
    }

    private ContactView require(String id) {
        return ContactRequests.contactId(id).flatMap(contacts::find).orElseThrow(() -> new ContactNotFoundException(id));
    }

    private Response ok(ContactView view) {
        return Response.ok(ContactJson.of(view, workspaceId))
                .tag(new EntityTag(String.valueOf(view.version())))
                .build();
    }

    private static String actor(SecurityContext caller) {
        return caller.getUserPrincipal() == null ? "unknown" : caller.getUserPrincipal().getName();
    }
}
