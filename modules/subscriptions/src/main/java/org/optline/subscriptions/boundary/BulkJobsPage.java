package org.optline.subscriptions.boundary;

import gg.jte.Content;
import gg.jte.TemplateEngine;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.Contacts;
import org.optline.platform.web.Htmx;
import org.optline.platform.web.Page;
import org.optline.platform.web.Templates;
import org.optline.subscriptions.api.BulkConsentJobs;
import org.optline.subscriptions.api.BulkItemOutcome;
import org.optline.subscriptions.api.BulkJobItemPage;
import org.optline.subscriptions.api.BulkJobItemView;
import org.optline.subscriptions.api.BulkJobNotFoundException;
import org.optline.subscriptions.api.BulkJobView;
import org.optline.subscriptions.api.SubscriptionTypes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin pages of bulk jobs: the recent jobs, and a job's page with a progress bar that htmx
 * refreshes every second while the job runs, its counts, and its per-contact report with paging and a
 * filter by outcome. Starting a job from the contacts list's confirmation step lands here too.
 */
@Path("admin/bulk-jobs")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class BulkJobsPage {

    /** The htmx event that makes the report reload once the job has finished. */
    static final String FINISHED = "bulkJobFinished";

    static final int RECENT = 50;
    static final int REPORT_PER_PAGE = 50;

    private static final TemplateEngine TEMPLATES = Templates.precompiled(BulkJobsPage.class,
            "org.optline.subscriptions.boundary.templates");

    @Inject
    BulkConsentJobs jobs;

    @Inject
    SubscriptionTypes types;

    @Inject
    Contacts contacts;

    @GET
    @Operation(hidden = true)
    public Page list() {
        List<BulkJobModel> recent = jobs.recent(RECENT).stream().map(this::model).toList();
        return new Page("Bulk jobs", "bulk-jobs", render("bulk/jobs.jte", Map.of("jobs", recent)));
    }

    /** Starts a confirmed bulk action and sends the browser to the new job's page. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(MultivaluedMap<String, String> form, @Context SecurityContext caller) {
        BulkJobView job = jobs.create(BulkJobRequests.fromForm(form, caller.getUserPrincipal().getName(),
                parameters -> contacts.listFilter(parameters).query()));
        return Response.ok(render("subscriptions/done.jte", Map.of("message", "Bulk job " + job.id() + " started.")))
                .header(Htmx.REDIRECT, "/admin/bulk-jobs/" + job.id())
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public Page job(@PathParam("id") String id) {
        BulkJobModel model = model(require(id));
        BulkReportModel report = report(model.job(), null, 1);
        return new Page("Bulk job " + model.job().id(), "bulk-jobs",
                render("bulk/job.jte", Map.of("model", model, "report", report)));
    }

    /**
     * Returns the progress fragment with the status text for the page's live region. Once the job has
     * finished, the fragment stops the polling and the response makes the report reload.
     */
    @GET
    @Path("{id}/progress")
    @Operation(hidden = true)
    public Response progress(@PathParam("id") String id) {
        BulkJobModel model = model(require(id));
        Response.ResponseBuilder response = Response.ok(render("bulk/progress.jte", Map.of("model", model, "update", true)));
        return model.live() ? response.build() : response.header(Htmx.TRIGGER, FINISHED).build();
    }

    @GET
    @Path("{id}/items")
    @Operation(hidden = true)
    public Content items(@PathParam("id") String id, @QueryParam("outcome") String outcome,
                         @QueryParam("page") @DefaultValue("1") String page) {
        BulkJobView job = require(id);
        return render("bulk/report.jte", Map.of("report",
                report(job, BulkJobPages.outcome(outcome), BulkJobPages.number("page", page))));
    }

    private BulkReportModel report(BulkJobView job, BulkItemOutcome outcome, int page) {
        BulkJobItemPage items = jobs.items(job.id(), outcome, page, REPORT_PER_PAGE);
        Map<Long, String> labels = new HashMap<>();
        for (BulkJobItemView item : items.items()) {
            contacts.find(item.contactId()).ifPresent(contact -> labels.put(contact.id(), label(contact)));
        }
        return new BulkReportModel(job.id(), items, outcome, labels);
    }

    private static String label(ContactView contact) {
        if (contact.name() != null && !contact.name().isBlank()) {
            return contact.name();
        }
        return contact.email() != null ? contact.email() : "Contact " + contact.id();
    }

    private BulkJobModel model(BulkJobView job) {
        String typeName = types.find(job.subscriptionTypeId())
                .map(type -> type.defaultTranslation().name())
                .orElse("Subscription type " + job.subscriptionTypeId());
        return new BulkJobModel(job, typeName);
    }

    private BulkJobView require(String id) {
        return SubscriptionTypeIds.parse(id).flatMap(jobs::find).orElseThrow(() -> new BulkJobNotFoundException(id));
    }

    static Content render(String template, Map<String, Object> params) {
        return output -> TEMPLATES.render(template, params, output);
    }
}
