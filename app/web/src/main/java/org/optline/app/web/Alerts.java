package org.optline.app.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.optline.app.api.ApiErrors;
import org.optline.app.security.RequestKinds;
import org.optline.platform.web.Htmx;

import java.io.IOException;
import java.io.StringWriter;

/**
 * Sends an error from a servlet filter in the form the caller understands: {@code error.list} JSON
 * for the API, an alert in the page's alert region for htmx, a plain page otherwise.
 */
@ApplicationScoped
public class Alerts {

    /** The id of the layout's alert region, which error fragments are swapped into. */
    public static final String REGION = "#flash";

    @Inject
    AppTemplates templates;

    public void send(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        response.setStatus(status);
        if (RequestKinds.isApi(request)) {
            response.setContentType("application/json");
            response.getWriter().write(ApiErrors.body(ApiErrors.codeFor(status), message, null));
            return;
        }
        StringWriter html = new StringWriter();
        templates.writeAlert("danger", message, html);
        response.setContentType("text/html;charset=UTF-8");
        if (request.getHeader(Htmx.REQUEST) != null) {
            response.setHeader(Htmx.RETARGET, REGION);
            response.setHeader(Htmx.RESWAP, "innerHTML show:top");
        }
        response.getWriter().write(html.toString());
    }
}
