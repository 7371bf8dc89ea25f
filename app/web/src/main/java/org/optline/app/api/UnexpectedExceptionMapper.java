package org.optline.app.api;

import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.optline.platform.DomainException;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort. A broken rule or lost optimistic lock wrapped by a transaction interceptor is
 * unwrapped and mapped as usual; anything else is logged with an id and answered with a 500 that
 * shows the id but no internals.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    HttpServletRequest request;

    @Inject
    ErrorResponses errors;

    @Override
    public Response toResponse(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return DomainExceptionMapper.toResponse(request, errors, domain);
            }
            if (cause instanceof OptimisticLockException) {
                return errors.of(request, 409, "conflict", "Someone else changed this at the same moment. "
                        + "Nothing was saved. Reload and make your change again.", null);
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error " + incident + " on " + request.getMethod() + " "
                + request.getRequestURI(), exception);
        return errors.of(request, 500, "server_error",
                "Something went wrong on our side (incident " + incident + "). Try again; if it persists, "
                        + "give this incident id to your Optline operator.", null);
    }
}
