package org.optline.subscriptions.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.optline.subscriptions.api.ActorKind;
import org.optline.subscriptions.api.BulkConsentJobs;
import org.optline.subscriptions.api.BulkJobNotFoundException;
import org.optline.subscriptions.api.BulkJobView;

/**
 * Optline's bulk consent jobs in the public API: subscribe or unsubscribe many contacts from one
 * subscription type in the background, then follow the job's progress and per-contact report. Intercom
 * has no such endpoint; the objects follow the style of its others.
 */
@Path("api/bulk_consent_jobs")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bulk consent jobs")
public class BulkJobsApi {

    /** How many jobs the list returns, newest first. */
    static final int RECENT = 50;

    @Inject
    BulkConsentJobs jobs;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createBulkConsentJob", summary = "Start a bulk consent job", description = "Opts the contacts in (action opt_in) or out "
            + "(opt_out) of one subscription type in the background. Choose the contacts with contact_ids or with "
            + "query, a contact search resolved once, now. Each contact is refused, changed or reported as already "
            + "so by the same rules as a single change; contacts who opted out themselves are refused unless "
            + "override_reason (at least 10 characters, recorded) is given. With expected_count, the job starts "
            + "only if the selection still has that many contacts.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "NewBulkConsentJob"), example = "{\"subscription_type_id\":\"7\",\"action\":\"opt_out\","
            + "\"query\":{\"field\":\"role\",\"operator\":\"=\",\"value\":\"lead\"},\"expected_count\":3000}"))
    @APIResponse(responseCode = "200", description = "The queued job.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BulkConsentJob")))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid, a listed contact does not exist, "
            + "or no contact matches; the error names the field.")
    @APIResponse(responseCode = "404", description = "The subscription type does not exist.")
    @APIResponse(responseCode = "409", description = "Subscribing to a type that is not live, or the selection no "
            + "longer has expected_count contacts.")
    public BulkJobJson create(String body, @Context SecurityContext caller) {
        String actor = caller.getUserPrincipal().getName();
        BulkJobView job = jobs.create(BulkJobRequests.fromJson(body, ActorKind.API_TOKEN, actor));
        return BulkJobJson.of(job);
    }

    @GET
    @Operation(operationId = "listBulkConsentJobs", summary = "List recent bulk consent jobs",
            description = "The " + RECENT + " newest jobs, newest first.")
    @APIResponse(responseCode = "200", description = "The recent jobs.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BulkConsentJobList")))
    public BulkJobJson.ListJson list() {
        return BulkJobJson.list(jobs.recent(RECENT));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "retrieveBulkConsentJob", summary = "Retrieve a bulk consent job",
            description = "Its state (queued, running, done or failed) and counts: processed, changed, already so "
                    + "and refused.")
    @APIResponse(responseCode = "200", description = "The job.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BulkConsentJob")))
    @APIResponse(responseCode = "404", description = "No job has this id.")
    public BulkJobJson find(@PathParam("id") String id) {
        return BulkJobJson.of(require(id));
    }

    @GET
    @Path("{id}/items")
    @Operation(operationId = "listBulkConsentJobItems", summary = "List what a bulk consent job did per contact",
            description = "One page of the job's contacts in processing order, each with its outcome (pending, "
                    + "changed, already or refused) and, when refused, the reason.")
    @APIResponse(responseCode = "200", description = "One page of the job's contacts.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BulkConsentItemList")))
    @APIResponse(responseCode = "400", description = "outcome, page or per_page is invalid; the error names it.")
    @APIResponse(responseCode = "404", description = "No job has this id.")
    public BulkJobJson.ItemListJson items(@PathParam("id") String id,
                                          @Parameter(description = "pending, changed, already or refused; all when left out")
                                          @QueryParam("outcome") String outcome,
                                          @Parameter(description = "The page, from 1.")
                                          @QueryParam("page") @DefaultValue("1") String page,
                                          @Parameter(description = "Contacts per page, from 1.")
                                          @QueryParam("per_page") @DefaultValue("50") String perPage) {
        BulkJobView job = require(id);
        return BulkJobJson.items(jobs.items(job.id(), BulkJobPages.outcome(outcome), BulkJobPages.number("page", page),
                BulkJobPages.number("per_page", perPage)));
    }

    private BulkJobView require(String id) {
        return SubscriptionTypeIds.parse(id).flatMap(jobs::find).orElseThrow(() -> new BulkJobNotFoundException(id));
    }
}
