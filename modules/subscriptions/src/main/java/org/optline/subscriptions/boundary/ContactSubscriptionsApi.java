package org.optline.subscriptions.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.optline.contacts.api.ContactNotFoundException;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.Contacts;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;
import org.optline.subscriptions.api.ActorKind;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentLedger;
import org.optline.subscriptions.api.ConsentOutcome;
import org.optline.subscriptions.api.ConsentRefusedException;
import org.optline.subscriptions.api.ConsentRequest;
import org.optline.subscriptions.api.ConsentSource;
import org.optline.subscriptions.api.ConsentStateView;
import org.optline.subscriptions.api.ConsentType;
import org.optline.subscriptions.api.ContactConsents;
import org.optline.subscriptions.api.Evidence;
import org.optline.subscriptions.api.SubscriptionTypeNotFoundException;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.SubscriptionTypes;

import java.util.List;
import java.util.Map;

/**
 * A contact's subscriptions in Intercom's API: attaching a contact to an opt-in type opts it in, to an
 * opt-out type opts it out; detaching does the reverse. Optline adds the consent record and its check.
 *
 * <p>The root path is the same as that of the contacts module's {@code ContactsApi}, so that Jersey merges
 * the two classes into one resource. A root path of {@code api/contacts/{id}} would match first and
 * shadow {@code GET /api/contacts/{id}} and {@code POST /api/contacts/search}, which then answer 404.
 */
@Path("api/contacts")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contact subscriptions")
public class ContactSubscriptionsApi {

    @Inject
    Contacts contacts;

    @Inject
    SubscriptionTypes types;

    @Inject
    ConsentLedger ledger;

    @GET
    @Path("{id}/subscriptions")
    @Operation(operationId = "listContactSubscriptions", summary = "List the subscriptions of a contact",
            description = "Intercom-compatible: the opt-in types the contact opted in to and the opt-out types it "
                    + "opted out of. Types without an explicit choice are left out.")
    @APIResponse(responseCode = "200", description = "The contact's subscription types.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SubscriptionTypeList")))
    @APIResponse(responseCode = "404", description = "No contact has this id.")
    public SubscriptionTypeJson.ListJson list(@PathParam("id") String id) {
        // One query for the contact and its states, read fresh, and the types from a short-lived copy:
        // this endpoint is polled at high rates, and the types change rarely (see TypeCache).
        ContactConsents consents = SubscriptionTypeIds.parse(id).flatMap(ledger::consentsOf)
                .orElseThrow(() -> new ContactNotFoundException(id));
        Map<Long, ConsentStateView> states = consents.states();
        List<SubscriptionTypeView> chosen = types.recent(states.keySet()).stream()
                .filter(type -> ContactConsent.listed(type, states.get(type.id()), consents.phone()))
                .toList();
        return SubscriptionTypeJson.list(chosen);
    }

    @POST
    @Path("{id}/subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "attachSubscriptionTypeToContact", summary = "Attach a subscription type to a contact",
            description = "Intercom-compatible. For an opt-in type this opts the contact in, for an opt-out type it "
                    + "opts the contact out. An opt-in of a contact who opted out themselves needs override_reason "
                    + "(Optline's addition), which is recorded.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "SubscriptionAttachment"), example = "{\"id\":\"7\",\"consent_type\":\"opt_in\"}"))
    @APIResponse(responseCode = "200", description = "The attached subscription type.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SubscriptionType")))
    @APIResponse(responseCode = "400", description = "id is missing, consent_type differs from the type's, or an SMS "
            + "type is attached to a contact without a number that can take texts; the error names the field.")
    @APIResponse(responseCode = "404", description = "No contact or no subscription type has this id.")
    @APIResponse(responseCode = "409", description = "The type is not live, or the contact opted out themselves and "
            + "no override_reason was given. Also when another change of the contact's consent was saved at the same "
            + "moment; then nothing was saved and the request can be sent again.")
    public SubscriptionTypeJson attach(@PathParam("id") String id, String body, @Context SecurityContext caller,
                                       @Context HttpServletRequest http) {
        ContactView contact = requireContact(id);
        JsonObject json = SubscriptionTypeRequests.object(body);
        SubscriptionTypeView type = requireType(typeId(json));
        if (json.containsKey("consent_type") && json.get("consent_type").getValueType() != JsonValue.ValueType.NULL) {
            ConsentType sent = ConsentType.parse("consent_type", json.getString("consent_type", null));
            if (sent != type.consentType()) {
                throw new InvalidInputException("consent_type", "consent_type " + sent.apiName() + " does not match "
                        + "subscription type " + type.id() + ", which is " + type.consentType().apiName() + ".");
            }
        }
        ConsentAction action = type.consentType() == ConsentType.OPT_IN ? ConsentAction.OPT_IN : ConsentAction.OPT_OUT;
        String reason = json.containsKey("override_reason") ? json.getString("override_reason", null) : null;
        apply(contact, type, action, caller, http, reason);
        return SubscriptionTypeJson.of(type);
    }

    @DELETE
    @Path("{id}/subscriptions/{subscriptionId}")
    @Operation(operationId = "detachSubscriptionTypeFromContact", summary = "Detach a subscription type from a contact",
            description = "Intercom-compatible. For an opt-in type this opts the contact out; for an opt-out type it "
                    + "withdraws the opt-out.")
    @APIResponse(responseCode = "200", description = "The detached subscription type.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SubscriptionType")))
    @APIResponse(responseCode = "400", description = "Withdrawing an opt-out of an SMS type for a contact without a "
            + "number that can take texts.")
    @APIResponse(responseCode = "404", description = "No contact or no subscription type has this id.")
    @APIResponse(responseCode = "409", description = "The type is not live, or withdrawing the opt-out would opt in "
            + "a contact who opted out themselves. Also when another change of the contact's consent was saved at "
            + "the same moment; then nothing was saved and the request can be sent again.")
    public SubscriptionTypeJson detach(@PathParam("id") String id, @PathParam("subscriptionId") String subscriptionId,
                                       @Context SecurityContext caller, @Context HttpServletRequest http) {
        ContactView contact = requireContact(id);
        SubscriptionTypeView type = requireType(subscriptionId);
        ConsentAction action = type.consentType() == ConsentType.OPT_IN ? ConsentAction.OPT_OUT : ConsentAction.OPT_IN;
        apply(contact, type, action, caller, http, null);
        return SubscriptionTypeJson.of(type);
    }

    @GET
    @Path("{id}/consent_events")
    @Operation(operationId = "listContactConsentEvents", summary = "List a contact's consent record",
            description = "Optline's addition: every consent event of the contact, oldest first, with its source, "
                    + "actor, evidence and hash chain.")
    @APIResponse(responseCode = "200", description = "The contact's consent events.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ConsentEventList")))
    @APIResponse(responseCode = "404", description = "No contact has this id.")
    public ConsentEventJson.ListJson events(@PathParam("id") String id) {
        ContactView contact = requireContact(id);
        return ConsentEventJson.list(ledger.history(contact.id()));
    }

    @GET
    @Path("{id}/consent_chain")
    @Operation(operationId = "verifyContactConsentChain", summary = "Verify a contact's consent record",
            description = "Optline's addition: recomputes every event hash and link of the contact's chain and "
                    + "compares the current state with it.")
    @APIResponse(responseCode = "200", description = "The result of the check, also when the chain is broken.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "ConsentChainVerification")))
    @APIResponse(responseCode = "404", description = "No contact has this id.")
    public ConsentEventJson.VerificationJson verify(@PathParam("id") String id) {
        ContactView contact = requireContact(id);
        return ConsentEventJson.of(ledger.verify(contact.id()));
    }

    private void apply(ContactView contact, SubscriptionTypeView type, ConsentAction action, SecurityContext caller,
                       HttpServletRequest http, String overrideReason) {
        ConsentRequest request = new ConsentRequest(contact.id(), type.id(), action, ConsentSource.API,
                ActorKind.API_TOKEN, caller.getUserPrincipal().getName(),
                Evidence.ofRequest(http.getRemoteAddr(), http.getHeader("User-Agent")), overrideReason, null);
        if (ledger.record(request) instanceof ConsentOutcome.Refused refused) {
            throw ConsentRefusedException.of(refused);
        }
    }

    private ContactView requireContact(String id) {
        return SubscriptionTypeIds.parse(id).flatMap(contacts::find).orElseThrow(() -> new ContactNotFoundException(id));
    }

    private SubscriptionTypeView requireType(String id) {
        return SubscriptionTypeIds.parse(id).flatMap(types::find)
                .orElseThrow(() -> new SubscriptionTypeNotFoundException(id));
    }

    /** Reads the type id, which Intercom's clients send as a string and some as a number. */
    private static String typeId(JsonObject json) {
        JsonValue value = json.get("id");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw new MissingInputException("id", "id is missing. Send the subscription type's id, such as {\"id\": \"7\"}.");
        }
        if (value instanceof JsonString text) {
            return text.getString().strip();
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            return number.bigIntegerValue().toString();
        }
        throw new InvalidInputException("id", "id must be a subscription type id as a string or whole number.");
    }
}
