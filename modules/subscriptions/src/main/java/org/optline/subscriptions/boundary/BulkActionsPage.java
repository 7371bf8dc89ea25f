package org.optline.subscriptions.boundary;

import gg.jte.Content;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.optline.contacts.api.ContactListFilter;
import org.optline.contacts.api.Contacts;
import org.optline.subscriptions.api.BulkConsentJobs;
import org.optline.subscriptions.api.NewBulkJob;
import org.optline.subscriptions.api.State;
import org.optline.subscriptions.api.SubscriptionTypeNotFoundException;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.SubscriptionTypes;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The bulk actions of the contacts list, as htmx fragments: the action bar that the list loads into its
 * {@code #bulk-actions} element with the values of its selection form (the list's filter parameters and
 * the ticked {@code contact_id} boxes), and the confirmation step that states how many contacts the
 * action will change. Confirming posts to {@link BulkJobsPage}, which starts the job. The filter is read
 * by {@link Contacts#listFilter}, so "all contacts that match the current filter" are the ones the list shows.
 */
@Path("admin/contacts/bulk-actions")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class BulkActionsPage {

    @Inject
    SubscriptionTypes types;

    @Inject
    Contacts contacts;

    @Inject
    BulkConsentJobs jobs;

    @GET
    @Operation(hidden = true)
    public Content actions(@Context UriInfo uri) {
        List<SubscriptionTypeView> live = types.list().stream().filter(type -> type.state() == State.LIVE).toList();
        BulkActionsModel model = new BulkActionsModel(live, selection(uri.getQueryParameters()));
        return BulkJobsPage.render("bulk/actions.jte", Map.of("model", model));
    }

    /**
     * Returns the bar's part that follows the selection, which reloads whenever the list's selection
     * form changes, and clears a confirmation step that was shown for the previous selection.
     */
    @GET
    @Path("selection")
    @Operation(hidden = true)
    public Content selection(@Context UriInfo uri) {
        return BulkJobsPage.render("bulk/selection.jte", Map.of("selection", selection(uri.getQueryParameters()),
                "update", true));
    }

    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Content confirm(MultivaluedMap<String, String> form, @Context SecurityContext caller) {
        ContactListFilter filter = contacts.listFilter(form);
        NewBulkJob request = BulkJobRequests.fromForm(form, caller.getUserPrincipal().getName(), parameters -> filter.query());
        long count = jobs.count(request);
        SubscriptionTypeView type = types.find(request.subscriptionTypeId()).orElseThrow(
                () -> new SubscriptionTypeNotFoundException(String.valueOf(request.subscriptionTypeId())));
        BulkConfirmModel model = BulkConfirmModel.of(request, type, count, filter.parameters());
        return BulkJobsPage.render("bulk/confirm.jte", Map.of("model", model));
    }

    private BulkSelectionModel selection(Map<String, List<String>> parameters) {
        long matching = contacts.search(contacts.listFilter(parameters).query(), null, 1).totalCount();
        int selected = new HashSet<>(BulkJobRequests.formContactIds(parameters)).size();
        return new BulkSelectionModel(matching, selected);
    }
}
