package org.optline.access.boundary;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import jakarta.ws.rs.core.Response;
import org.optline.platform.web.Htmx;
import org.optline.platform.web.Templates;

import java.util.Map;

/** Renders the access module's templates, which the jte Maven plugin precompiled into this module. */
final class AccessTemplates {

    private static final TemplateEngine ENGINE = Templates.precompiled(AccessTemplates.class,
            "org.optline.access.boundary.templates");

    private AccessTemplates() {
    }

    static Content render(String template, Map<String, Object> params) {
        return output -> ENGINE.render(template, params, output);
    }

    /** Returns {@code body} with the htmx {@code event} on which the page's lists reload themselves. */
    static Response changed(Content body, String event) {
        return Response.ok(body).header(Htmx.TRIGGER, event).build();
    }

    /** Returns a success alert with the htmx {@code event} on which the page's lists reload themselves. */
    static Response changed(String message, String event) {
        return changed(render("access/done.jte", Map.of("message", message)), event);
    }
}
