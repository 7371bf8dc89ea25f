package org.optline.subscriptions.boundary;

import gg.jte.Content;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
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
import org.optline.subscriptions.api.ConsentLedger;
import org.optline.subscriptions.api.ConsentOutcome;
import org.optline.subscriptions.api.ConsentRequest;
import org.optline.subscriptions.api.ConsentStateView;
import org.optline.subscriptions.api.Evidence;
import org.optline.subscriptions.api.PendingOptIns;
import org.optline.subscriptions.api.State;
import org.optline.subscriptions.api.SubscriptionTypeNotFoundException;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.SubscriptionTypes;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.optline.subscriptions.boundary.SubscriptionTypesPage.render;

/**
 * The "Subscription preferences" panel of a contact's profile, in htmx: every live subscription type
 * with the contact's state and a switch. A switch records an admin-toggle event with the admin as actor
 * and the request's address and user agent as evidence, then fires {@value #CONSENT_CHANGED}, on which
 * this panel and the consent history reload.
 */
@Path("admin/contacts/{id: [0-9]+}/subscription-preferences")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class ContactPreferencesPanel {

    /** The htmx event on which the profile's consent panels reload. */
    static final String CONSENT_CHANGED = "consentChanged";

    @Inject
    Contacts contacts;

    @Inject
    SubscriptionTypes types;

    @Inject
    ConsentLedger ledger;

    @Inject
    PendingOptIns pendingOptIns;

    @GET
    @Operation(hidden = true)
    public Content panel(@PathParam("id") String id) {
        ContactView contact = requireContact(id);
        Map<Long, ConsentStateView> states = ledger.states(contact.id());
        Map<Long, Instant> pending = pendingOptIns.pendingOf(contact.id());
        List<PreferenceRow> rows = types.list().stream()
                .filter(type -> type.state() == State.LIVE)
                .map(type -> PreferenceRow.of(contact, type, states.get(type.id()), pending.get(type.id())))
                .toList();
        return render("contactconsent/preferences.jte", Map.of("rows", rows));
    }

    @POST
    @Path("{typeId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response toggle(@PathParam("id") String id, @PathParam("typeId") String typeId,
                           @FormParam("subscribed") String subscribed, @FormParam("override") String override,
                           @FormParam("override_reason") String overrideReason, @Context SecurityContext caller,
                           @Context HttpServletRequest http) {
        ContactView contact = requireContact(id);
        SubscriptionTypeView type = SubscriptionTypeIds.parse(typeId).flatMap(types::find)
                .orElseThrow(() -> new SubscriptionTypeNotFoundException(typeId));
        ConsentRequest request = PreferenceToggles.request(contact.id(), type.id(), PreferenceToggles.subscribed(subscribed),
                "true".equals(override), overrideReason, caller.getUserPrincipal().getName(),
                Evidence.ofRequest(http.getRemoteAddr(), http.getHeader("User-Agent")));
        ConsentOutcome outcome = ledger.record(request);
        return switch (PreferenceToggles.reply(outcome, type.defaultTranslation().name())) {
            case PreferenceToggles.Done done -> Response.ok(render("subscriptions/done.jte", Map.of("message", done.message())))
                    .header(Htmx.TRIGGER, CONSENT_CHANGED)
                    .build();
            case PreferenceToggles.Refused refused -> refusedRow(contact, type, refused);
        };
    }

    /** Shows the refusal in the type's row, which replaces the row the switch sits in. */
    private Response refusedRow(ContactView contact, SubscriptionTypeView type, PreferenceToggles.Refused refused) {
        PreferenceRow row = PreferenceRow.of(contact, type, ledger.states(contact.id()).get(type.id()))
                .refused(refused.message(), refused.offerOverride());
        return Response.status(refused.status())
                .entity(render("contactconsent/row.jte", Map.of("row", row)))
                .header(Htmx.RETARGET, "#preference-" + type.id())
                .header(Htmx.RESWAP, "outerHTML")
                .build();
    }

    private ContactView requireContact(String id) {
        return SubscriptionTypeIds.parse(id).flatMap(contacts::find).orElseThrow(() -> new ContactNotFoundException(id));
    }
}
