package org.optline.subscriptions.boundary;

import gg.jte.Content;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.optline.contacts.api.ContactNotFoundException;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.Contacts;
import org.optline.subscriptions.api.ChainVerification;
import org.optline.subscriptions.api.ConsentLedger;
import org.optline.subscriptions.api.SubscriptionTypes;

import java.util.Map;

import static org.optline.subscriptions.boundary.SubscriptionTypesPage.render;

/**
 * The "Consent history" panel of a contact's profile: every consent event, newest first, with its
 * source, actor and evidence, and a check of the contact's hash chain. The full phone number appears
 * here because only admins see this page; logs never carry it.
 */
@Path("admin/contacts/{id: [0-9]+}/consent-history")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class ConsentHistoryPanel {

    @Inject
    Contacts contacts;

    @Inject
    SubscriptionTypes types;

    @Inject
    ConsentLedger ledger;

    @GET
    @Operation(hidden = true)
    public Content history(@PathParam("id") String id) {
        ContactView contact = requireContact(id);
        return render("contactconsent/history.jte", Map.of("contactId", contact.id(),
                "entries", HistoryEntry.newestFirst(ledger.history(contact.id()), types.list())));
    }

    /** Recomputes the contact's chain; reading only, so a GET. */
    @GET
    @Path("verify")
    @Operation(hidden = true)
    public Content verify(@PathParam("id") String id) {
        ChainVerification verification = ledger.verify(requireContact(id).id());
        return render("contactconsent/verification.jte", Map.of("verification", verification));
    }

    private ContactView requireContact(String id) {
        return SubscriptionTypeIds.parse(id).flatMap(contacts::find).orElseThrow(() -> new ContactNotFoundException(id));
    }
}
