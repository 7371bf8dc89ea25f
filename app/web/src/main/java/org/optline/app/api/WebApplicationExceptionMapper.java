package org.optline.app.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives the errors that JAX-RS raises itself (unknown path, wrong method, unreadable body) the same
 * shape as Optline's own errors, and keeps redirects and other non-error responses as they are.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    HttpServletRequest request;

    @Inject
    ErrorResponses errors;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        if (status < 400) {
            return original;
        }
        String message = switch (status) {
            case 404 -> "Resource Not Found: no route matches " + request.getMethod() + " " + request.getRequestURI() + ".";
            case 405 -> request.getMethod() + " is not allowed on " + request.getRequestURI() + ".";
            case 406 -> "No representation matches the Accept header. Ask for application/json.";
            case 415 -> "The request body's Content-Type is not accepted here. Send application/json.";
            default -> exception.getMessage();
        };
        Response response = errors.of(request, status, ApiErrors.codeFor(status), message, null);
        String allow = original.getHeaderString("Allow");
        if (allow != null) {
            return Response.fromResponse(response).header("Allow", allow).build();
        }
        return response;
    }
}
