package org.optline.app.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.optline.platform.ConflictException;
import org.optline.platform.DomainException;
import org.optline.platform.MissingInputException;
import org.optline.platform.ResourceNotFoundException;

import java.util.logging.Logger;

/** Maps every module's broken rules to HTTP: 400 for bad input, 404, and 409 for conflicts. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    private static final Logger LOG = Logger.getLogger(DomainExceptionMapper.class.getName());

    @Context
    HttpServletRequest request;

    @Inject
    ErrorResponses errors;

    @Override
    public Response toResponse(DomainException exception) {
        LOG.fine(() -> "Rejected " + request.getMethod() + " " + request.getRequestURI() + ": " + exception.getMessage());
        return toResponse(request, errors, exception);
    }

    static Response toResponse(HttpServletRequest request, ErrorResponses errors, DomainException exception) {
        String field = exception.field().orElse(null);
        String message = exception.getMessage();
        return switch (exception) {
            case ResourceNotFoundException e -> errors.of(request, 404, "not_found", message, field);
            case ConflictException e -> errors.of(request, 409, "conflict", message, field);
            case MissingInputException e -> errors.of(request, 400, "parameter_not_found", message, field);
            default -> errors.of(request, 400, "parameter_invalid", message, field);
        };
    }
}
