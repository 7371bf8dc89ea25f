package org.optline.app.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The error page of a 403. A signed-in account that opens the root path is sent to its start page
 * instead, because Payara Micro denies the root path to everyone (see {@link SafeRedirects#afterSignIn}),
 * while the README tells people to open it. Every other 403 gets the static page.
 */
@WebServlet(urlPatterns = "/WEB-INF/errors/forbidden")
public class ForbiddenServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Object deniedPath = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        boolean root = (request.getContextPath() + SafeRedirects.DEFAULT_TARGET).equals(deniedPath);
        if (root && request.getUserPrincipal() != null && "GET".equals(request.getMethod())) {
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", request.getContextPath() + SafeRedirects.afterSignIn(request, SafeRedirects.DEFAULT_TARGET));
            return;
        }
        request.getRequestDispatcher("/WEB-INF/errors/403.html").forward(request, response);
    }
}
