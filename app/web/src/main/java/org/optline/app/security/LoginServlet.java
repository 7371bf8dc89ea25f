package org.optline.app.security;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.optline.access.api.SessionAttributes;
import org.optline.app.web.AppTemplates;
import org.optline.app.web.LoginModel;

import java.io.IOException;
import java.time.Instant;

/**
 * The sign-in page. A failed attempt shows one message whatever the cause, so that the page does
 * not reveal which emails have accounts or which accounts are locked.
 */
@WebServlet(urlPatterns = "/login")
public class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String FAILED = "Sign-in failed. Check your email and password. After 5 failed attempts "
            + "an account is locked for 15 minutes.";

    @Inject
    SecurityContext securityContext;

    @Inject
    AppTemplates templates;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = SafeRedirects.localTarget(request.getParameter("next"));
        if (request.getUserPrincipal() != null) {
            response.sendRedirect(request.getContextPath() + SafeRedirects.afterSignIn(request, next));
            return;
        }
        render(request, response, HttpServletResponse.SC_OK, new LoginModel("", next, null));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String email = request.getParameter("email");
        String password = request.getParameter("password");
        String next = SafeRedirects.localTarget(request.getParameter("next"));
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            render(request, response, HttpServletResponse.SC_BAD_REQUEST,
                    new LoginModel(email, next, "Enter your email and your password."));
            return;
        }
        AuthenticationStatus status = securityContext.authenticate(request, response,
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(email.strip(), new Password(password)))
                        .newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            request.changeSessionId();
            CsrfTokens.rotate(request);
            request.getSession().setAttribute(SessionAttributes.SIGNED_IN_AT, Instant.now());
            response.sendRedirect(request.getContextPath() + SafeRedirects.afterSignIn(request, next));
            return;
        }
        render(request, response, HttpServletResponse.SC_UNAUTHORIZED, new LoginModel(email, next, FAILED));
    }

    private void render(HttpServletRequest request, HttpServletResponse response, int status, LoginModel model)
            throws IOException {
        response.setStatus(status);
        templates.writeLogin(request, response, model);
    }
}
