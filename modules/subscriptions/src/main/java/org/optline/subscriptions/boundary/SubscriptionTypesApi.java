package org.optline.subscriptions.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.optline.subscriptions.api.SubscriptionTypeNotFoundException;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.SubscriptionTypes;

/**
 * The subscription type endpoints of the public API. {@code GET /api/subscription_types} is Intercom's;
 * creating, editing, putting live and archiving are Optline's own, in the same object shape.
 * Success is always 200, as in Intercom's API.
 */
@Path("api/subscription_types")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscription types")
public class SubscriptionTypesApi {

    private static final String IF_MATCH = "The ETag of the last response for this type, such as \"3\". A change "
            + "based on an older version is rejected with 409. Without it, the change applies to any version.";

    @Inject
    SubscriptionTypes types;

    @GET
    @Operation(operationId = "listSubscriptionTypes", summary = "List all subscription types",
            description = "Intercom-compatible. Returns every type, whatever its state, in Intercom's list envelope.")
    @APIResponse(responseCode = "200", description = "The subscription types.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SubscriptionTypeList")))
    public SubscriptionTypeJson.ListJson list() {
        return SubscriptionTypeJson.list(types.list());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "retrieveSubscriptionType", summary = "Retrieve a subscription type",
            description = "The ETag header carries the version that PUT, put_live and archive accept in If-Match.")
    @APIResponse(responseCode = "200", description = "The subscription type.", headers = @Header(ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SubscriptionType")))
    @APIResponse(responseCode = "404", description = "No type has this id.")
    public Response find(@PathParam("id") String id) {
        return ok(require(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSubscriptionType", summary = "Create a subscription type",
            description = "Creates a draft. content_types and consent_type cannot change afterwards.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "NewSubscriptionType"),
            example = "{\"content_types\":[\"sms_message\"],\"consent_type\":\"opt_in\","
            + "\"default_translation\":{\"name\":\"Deals\",\"description\":\"Weekly offers\",\"locale\":\"en\"},"
            + "\"translations\":[{\"name\":\"Offres\",\"description\":\"Offres de la semaine\",\"locale\":\"fr\"}]}"))
    @APIResponse(responseCode = "200", description = "The new draft.", headers = @Header(ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SubscriptionType")))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid; the error names it.")
    public Response create(String body, @Context SecurityContext caller) {
        SubscriptionTypeView created = types.create(SubscriptionTypeRequests.creation(body), actor(caller));
        return ok(created);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateSubscriptionType", summary = "Change the texts of a subscription type",
            description = "Replaces default_translation and translations when given. Sending another content_types "
                    + "or consent_type is rejected. With If-Match, a change based on an older version is rejected "
                    + "with 409.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "SubscriptionTypeChange"),
            example = "{\"default_translation\":{\"name\":\"Weekly deals\",\"description\":\"Offers every Monday\","
                    + "\"locale\":\"en\"}}"))
    @APIResponse(responseCode = "200", description = "The changed type.", headers = @Header(ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SubscriptionType")))
    @APIResponse(responseCode = "400", description = "A field is invalid, an immutable field differs, or If-Match "
            + "is not an entity tag of this API; the error names the field.")
    @APIResponse(responseCode = "404", description = "No type has this id.")
    @APIResponse(responseCode = "409", description = "The type is archived, or changed since the If-Match version.")
    public Response update(@PathParam("id") String id, @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch, String body,
                           @Context SecurityContext caller) {
        SubscriptionTypeView current = require(id);
        Long expected = SubscriptionTypeRequests.expectedVersion(ifMatch);
        SubscriptionTypeView updated = types.reword(current.id(),
                SubscriptionTypeRequests.rewording(body, current, expected), actor(caller));
        return ok(updated);
    }

    @POST
    @Path("{id}/put_live")
    @Operation(operationId = "putSubscriptionTypeLive", summary = "Put a draft subscription type live",
            description = "A live type is offered to customers, forms and sends. Putting a live type live changes "
                    + "nothing.")
    @APIResponse(responseCode = "200", description = "The live type.", headers = @Header(ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SubscriptionType")))
    @APIResponse(responseCode = "400", description = "If-Match is not an entity tag of this API.")
    @APIResponse(responseCode = "404", description = "No type has this id.")
    @APIResponse(responseCode = "409", description = "The type is archived, or changed since the If-Match version.")
    public Response putLive(@PathParam("id") String id, @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                            @Context SecurityContext caller) {
        long typeId = require(id).id();
        return ok(types.putLive(typeId, SubscriptionTypeRequests.expectedVersion(ifMatch), actor(caller)));
    }

    @POST
    @Path("{id}/archive")
    @Operation(operationId = "archiveSubscriptionType", summary = "Archive a subscription type",
            description = "Archived types are kept for the consent records that point at them and are never "
                    + "offered again. There is no delete.")
    @APIResponse(responseCode = "200", description = "The archived type.", headers = @Header(ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SubscriptionType")))
    @APIResponse(responseCode = "400", description = "If-Match is not an entity tag of this API.")
    @APIResponse(responseCode = "404", description = "No type has this id.")
    @APIResponse(responseCode = "409", description = "The type changed since the If-Match version.")
    public Response archive(@PathParam("id") String id, @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                            @Context SecurityContext caller) {
        long typeId = require(id).id();
        return ok(types.archive(typeId, SubscriptionTypeRequests.expectedVersion(ifMatch), actor(caller)));
    }

    private SubscriptionTypeView require(String id) {
        return SubscriptionTypeIds.parse(id).flatMap(types::find)
                .orElseThrow(() -> new SubscriptionTypeNotFoundException(id));
    }

    private static Response ok(SubscriptionTypeView view) {
        return Response.ok(SubscriptionTypeJson.of(view))
                .tag(new EntityTag(String.valueOf(view.version())))
                .build();
    }

    private static String actor(SecurityContext caller) {
        return caller.getUserPrincipal() == null ? "unknown" : caller.getUserPrincipal().getName();
    }
}
