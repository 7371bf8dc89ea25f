package org.optline.app.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.optline.platform.web.Htmx;

/**
 * Form sign-in for admins and agents. The sign-in page posts to {@link LoginServlet}, which hands the
 * credential here; the session then carries the authentication ({@link AutoApplySession}).
 *
 * <p>An unauthenticated request for a protected page is sent to the sign-in page. When htmx sent it,
 * the answer is a 401 with {@code HX-Redirect}, so that htmx loads the sign-in page as a whole page
 * instead of swapping it into a fragment.
 */
@ApplicationScoped
@AutoApplySession
public class FormLoginMechanism implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        String signInUrl = request.getContextPath() + "/login?next=" + SafeRedirects.encodeNext(request);
        if (request.getHeader(Htmx.REQUEST) != null) {
            response.setHeader(Htmx.REDIRECT, signInUrl);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return AuthenticationStatus.SEND_FAILURE;
        }
        return context.redirect(signInUrl);
    }
}
