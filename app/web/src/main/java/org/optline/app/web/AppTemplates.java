package org.optline.app.web;

import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.optline.app.security.CsrfTokens;
import org.optline.platform.web.Page;
import org.optline.platform.web.Templates;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/** Renders the app's own templates: the layout, the sign-in page and alerts. */
@ApplicationScoped
public class AppTemplates {

    private final TemplateEngine engine = Templates.precompiled(AppTemplates.class, "org.optline.app.templates");

    /** Writes {@code page} inside the layout. */
    public void writeLayout(HttpServletRequest request, Page page, Writer writer) {
        engine.render("layout.jte", Map.of("layout", layoutFor(request), "page", page), new WriterOutput(writer));
    }

    public void writeLogin(HttpServletRequest request, HttpServletResponse response, LoginModel model) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        LayoutModel layout = new LayoutModel(CsrfTokens.forRequest(request), null, false);
        engine.render("login.jte", Map.of("layout", layout, "login", model), new WriterOutput(response.getWriter()));
    }

    /** Writes the notice that the messenger frame shows for an error, styled by the frame's own CSS. */
    public void writeMessengerNotice(String message, Writer writer) {
        engine.render("messengerNotice.jte", Map.of("message", message), new WriterOutput(writer));
    }

    /** Writes an alert box; {@code level} is a Bootstrap context such as danger or success. */
    public void writeAlert(String level, String message, Writer writer) {
        engine.render("alert.jte", Map.of("level", level, "message", message), new WriterOutput(writer));
    }

    private static LayoutModel layoutFor(HttpServletRequest request) {
        String email = request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName();
        return new LayoutModel(CsrfTokens.forRequest(request), email, request.isUserInRole("ADMIN"));
    }
}
