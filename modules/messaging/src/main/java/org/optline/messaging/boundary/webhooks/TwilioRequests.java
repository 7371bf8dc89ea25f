package org.optline.messaging.boundary.webhooks;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.optline.messaging.control.inbound.TwilioSignatures;

import java.util.Optional;
import java.util.logging.Logger;

/** Checks the signature of a request that Twilio sends to one of the webhooks. */
final class TwilioRequests {

    private static final Logger LOG = Logger.getLogger(TwilioRequests.class.getName());

    private TwilioRequests() {
    }

    /**
     * Returns the 403 response for a request whose X-Twilio-Signature is missing or wrong, after logging
     * one line without the signature, or empty when the request is signed.
     *
     * @param what the webhook, for the log, such as "inbound SMS webhook"
     */
    static Optional<Response> rejectUnsigned(TwilioSignatures signatures, HttpServletRequest request,
                                             MultivaluedMap<String, String> form, String what) {
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String signature = request.getHeader("X-Twilio-Signature");
        if (signatures.valid(signature, path, form)) {
            return Optional.empty();
        }
        LOG.warning(() -> "Rejected a " + what + " with a " + (signature == null ? "missing" : "wrong")
                + " X-Twilio-Signature" + (signatures.configured() ? "" : "; optline.twilio.auth-token is not set"));
        return Optional.of(Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN_TYPE)
                .entity("Invalid or missing X-Twilio-Signature.").build());
    }
}
