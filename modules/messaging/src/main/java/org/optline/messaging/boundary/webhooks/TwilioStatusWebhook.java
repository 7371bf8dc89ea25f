package org.optline.messaging.boundary.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.optline.messaging.control.carrier.StatusReports;
import org.optline.messaging.control.inbound.TwilioSignatures;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Twilio's status callback, which the Twilio gateway names in every message when optline.public.url is
 * set. A failed or undelivered message with error 21610 (the number opted out at the carrier) records
 * carrier opt-outs; see {@link StatusReports}. Signed like the inbound webhook.
 */
@Path("webhooks/twilio/status")
@ApplicationScoped
@WebhookBodyLimit
public class TwilioStatusWebhook {

    private static final Logger LOG = Logger.getLogger(TwilioStatusWebhook.class.getName());

    @Inject
    TwilioSignatures signatures;

    @Inject
    StatusReports reports;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response receive(MultivaluedMap<String, String> form, @Context HttpServletRequest request) {
        Optional<Response> unsigned = TwilioRequests.rejectUnsigned(signatures, request, form, "Twilio status callback");
        if (unsigned.isPresent()) {
            return unsigned.get();
        }
        String messageId = form.getFirst("MessageSid");
        if (messageId == null || messageId.isBlank() || messageId.length() > 64) {
            LOG.warning("Rejected a signed Twilio status callback without a usable MessageSid");
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("MessageSid is required.").build();
        }
        reports.handle(messageId, form.getFirst("MessageStatus"), form.getFirst("ErrorCode"), form.getFirst("To"));
        return Response.noContent().build();
    }

    /** Rejects a body that is not a form, naming the format Twilio sends. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response rejectOtherMediaType(@HeaderParam("Content-Type") String contentType) {
        return TwilioInboundWebhook.unsupportedMediaType(contentType);
    }
}
