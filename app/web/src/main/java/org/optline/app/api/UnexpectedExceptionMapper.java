package org.optline.app.api;

import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.optline.platform.DomainException;
import org.optline.platform.work.TransactionConflicts;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort. A broken rule or lost optimistic lock wrapped by a transaction interceptor is
 * unwrapped and mapped as usual. A deadlock or a failed commit, which retrying the request may cure,
 * gets a 409. Anything else is logged with an id and gets a 500 that shows the id but no internals.
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
        return map(request, errors, exception);
    }

    static Response map(HttpServletRequest request, ErrorResponses errors, Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return DomainExceptionMapper.toResponse(request, errors, domain);
            }
            if (cause instanceof OptimisticLockException) {
                return errors.of(request, 409, "conflict", "Someone else changed this at the same moment. "
                        + "Nothing was saved. Reload and make your change again.", null);
            }
        }
        if (TransactionConflicts.isRetryable(exception)) {
            // On a Galera cluster this is a conflict with a change committed on another node at the same moment.
            LOG.log(Level.WARNING, () -> "Conflict on " + request.getMethod() + " " + request.getRequestURI()
                    + ", returned 409: " + describe(exception));
            return errors.of(request, 409, "conflict", "Another change of the same data was saved at the same moment, "
                    + "so nothing was saved. Send the request again.", null);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error " + incident + " on " + request.getMethod() + " "
                + request.getRequestURI(), exception);
        return errors.of(request, 500, "server_error",
                "Something went wrong on our side (incident " + incident + "). Try again; if it persists, "
                        + "give this incident id to your Optline operator.", null);
    }

    /** Returns the exception types and messages of the cause chain, such as {@code A: x <- B: y}. */
    private static String describe(Throwable exception) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(cause.getClass().getName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}
