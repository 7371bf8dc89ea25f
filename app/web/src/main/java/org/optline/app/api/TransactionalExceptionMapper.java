package org.optline.app.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Maps the exception of a {@code @Transactional} method whose commit failed, as {@link
 * UnexpectedExceptionMapper} maps every other one.
 *
 * <p>Without this mapper, Jersey's own mapper for {@code TransactionalException} (Payara 7.2026.11)
 * rethrows it, and Payara then returns its HTML error page instead of the API's JSON error. Payara
 * throws it, for example, when a Galera node rejects a commit that conflicts with one committed on
 * another node.
 */
@Provider
public class TransactionalExceptionMapper implements ExceptionMapper<TransactionalException> {

    @Context
    HttpServletRequest request;

    @Inject
    ErrorResponses errors;

    @Override
    public Response toResponse(TransactionalException exception) {
        return UnexpectedExceptionMapper.map(request, errors, exception);
    }
}
