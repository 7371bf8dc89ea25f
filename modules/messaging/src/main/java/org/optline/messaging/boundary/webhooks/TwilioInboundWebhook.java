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
import org.optline.messaging.control.inbound.InboundMessages;
import org.optline.messaging.control.inbound.TwilioSignatures;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Twilio's webhook for inbound SMS, set as the "A message comes in" URL of the number or messaging
 * service. It answers with an empty TwiML document, because Optline sends its answers to keywords through
 * its notice queue, where each is recorded and sent once, rather than in the webhook's response.
 */
@Path("webhooks/twilio/inbound")
@ApplicationScoped
@WebhookBodyLimit
public class TwilioInboundWebhook {

    private static final Logger LOG = Logger.getLogger(TwilioInboundWebhook.class.getName());
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    @Inject
    TwilioSignatures signatures;

    @Inject
    InboundMessages messages;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response receive(MultivaluedMap<String, String> form, @Context HttpServletRequest request) {
        Optional<Response> unsigned = TwilioRequests.rejectUnsigned(signatures, request, form, "inbound SMS webhook");
        if (unsigned.isPresent()) {
            return unsigned.get();
        }
        String messageId = form.getFirst("MessageSid");
        String from = form.getFirst("From");
        if (blank(messageId) || blank(from) || messageId.length() > 64) {
            LOG.warning("Rejected a signed inbound SMS webhook without a usable MessageSid or From");
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("MessageSid and From are required.").build();
        }
        messages.receive(new InboundMessages.Received("twilio", messageId, from, form.getFirst("To"), form.getFirst("Body")));
        return Response.ok(EMPTY_TWIML, MediaType.TEXT_XML_TYPE.withCharset("UTF-8")).build();
    }

    /** Rejects a body that is not a form, naming the format Twilio sends. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response rejectOtherMediaType(@HeaderParam("Content-Type") String contentType) {
        return TwilioInboundWebhook.unsupportedMediaType(contentType);
    }

    /** Returns the 415 response for a body that is not form-encoded, which is all Twilio sends. */
    static Response unsupportedMediaType(String contentType) {
        return Response.status(Response.Status.UNSUPPORTED_MEDIA_TYPE).type(MediaType.TEXT_PLAIN_TYPE)
                .entity("Content-Type " + (contentType == null ? "is missing" : "'" + contentType + "' is not accepted")
                        + ". Twilio webhooks are form-encoded: send the parameters as "
                        + MediaType.APPLICATION_FORM_URLENCODED + ".").build();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
