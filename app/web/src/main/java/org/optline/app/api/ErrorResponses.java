package org.optline.app.api;

import gg.jte.Content;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.optline.app.security.RequestKinds;
import org.optline.app.web.Alerts;
import org.optline.app.web.AppTemplates;
import org.optline.platform.web.Htmx;
import org.optline.platform.web.Page;

import java.io.StringWriter;

/**
 * Turns an error into the response its caller understands: {@code error.list} JSON under
 * {@code /api}; under {@code /messenger} a small notice for the frame, without the admin layout and
 * its session; for htmx an alert swapped into the page's alert region; otherwise a page.
 */
@ApplicationScoped
public class ErrorResponses {

    @Inject
    AppTemplates templates;

    public Response of(HttpServletRequest request, int status, String code, String message, String field) {
        if (RequestKinds.isApi(request) || RequestKinds.isWebhook(request)) {
            return ApiErrors.response(status, code, message, field);
        }
        if (RequestKinds.isMessenger(request)) {
            StringWriter notice = new StringWriter();
            templates.writeMessengerNotice(message, notice);
            return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(notice.toString())
                    .build();
        }
        StringWriter html = new StringWriter();
        templates.writeAlert("danger", message, html);
        String fragment = html.toString();
        if (request.getHeader(Htmx.REQUEST) != null) {
            return Response.status(status)
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header(Htmx.RETARGET, Alerts.REGION)
                    .header(Htmx.RESWAP, "innerHTML show:top")
                    .entity(fragment)
                    .build();
        }
        Content body = output -> output.writeContent(fragment);
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(new Page("Error", "", body))
                .build();
    }
}
