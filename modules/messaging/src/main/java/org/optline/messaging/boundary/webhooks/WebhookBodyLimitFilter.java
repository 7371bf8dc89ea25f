package org.optline.messaging.boundary.webhooks;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * Rejects a webhook request whose body is larger than {@link #MAX_BYTES} with 413, before the body is
 * parsed, so that a caller cannot make the server parse and keep megabytes of form or JSON. The declared
 * Content-Length is checked first; a body without one (chunked) is read up to one byte past the limit.
 */
@Provider
@WebhookBodyLimit
@Priority(Priorities.ENTITY_CODER)
public class WebhookBodyLimitFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(WebhookBodyLimitFilter.class.getName());

    /** The largest request body accepted, in bytes: 64 KiB, far above an SMS webhook's few kilobytes. */
    static final int MAX_BYTES = 64 * 1024;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        int declared = request.getLength();
        if (declared > MAX_BYTES) {
            throw tooLarge(request, declared + " bytes");
        }
        if (!request.hasEntity()) {
            return;
        }
        byte[] body = request.getEntityStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            throw tooLarge(request, "more than " + MAX_BYTES + " bytes");
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    private static WebApplicationException tooLarge(ContainerRequestContext request, String size) {
        String path = request.getUriInfo().getPath();
        LOG.warning(() -> "Rejected a webhook request to /" + path + " with a body of " + size + "; the maximum is "
                + MAX_BYTES + " bytes");
        return new WebApplicationException("The request body is " + size + "; the maximum is " + MAX_BYTES
                + " bytes (64 KiB). An SMS webhook needs a few kilobytes: send one message per request.", 413);
    }
}
