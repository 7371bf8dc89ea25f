package org.optline.messaging.boundary.webhooks;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Logger;

/**
 * Rejects a webhook request whose body is larger than {@link #MAX_BYTES} with 413, before the body is
 * parsed, so that a caller cannot make the server parse and keep megabytes of form or JSON. The declared
 * Content-Length is checked first. A body without one (chunked) is read up to one byte past the limit.
 */
@Provider
@WebhookBodyLimit
@Priority(Priorities.ENTITY_CODER)
public class WebhookBodyLimitFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(WebhookBodyLimitFilter.class.getName());

    /** The maximum request body size accepted, in bytes: 64 KiB. A webhook with a 1,600-character SMS is a few KiB. */
    static final int MAX_BYTES = 64 * 1024;

    /**
     * The maximum number of bytes of a rejected body read and dropped: 1 MiB. A client that is still sending
     * its body may not read the 413 until the server has read what it sends.
     */
    static final int MAX_DISCARDED_BYTES = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        int declared = request.getLength();
        if (declared > MAX_BYTES) {
            if (declared <= MAX_DISCARDED_BYTES) {
                discard(request.getEntityStream());
            }
            throw tooLarge(request, declared + " bytes");
        }
        if (!request.hasEntity()) {
            return;
        }
        byte[] body = request.getEntityStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            discard(request.getEntityStream());
            throw tooLarge(request, "more than " + MAX_BYTES + " bytes");
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    // NOTE: a body larger than MAX_DISCARDED_BYTES is left unread, so its client may see a reset connection
    // instead of the 413.
    private static void discard(InputStream body) throws IOException {
        byte[] buffer = new byte[8192];
        long read = 0;
        while (read < MAX_DISCARDED_BYTES) {
            int count = body.read(buffer);
            if (count < 0) {
                return;
            }
            read += count;
        }
    }

    private static WebApplicationException tooLarge(ContainerRequestContext request, String size) {
        String path = request.getUriInfo().getPath();
        LOG.warning(() -> "Rejected a webhook request to /" + path + " with a body of " + size + "; the maximum is "
                + MAX_BYTES + " bytes");
        return new WebApplicationException("The request body is " + size + "; the maximum is " + MAX_BYTES
                + " bytes (64 KiB). An SMS webhook needs a few kilobytes: send one message per request.", 413);
    }
}
