package org.optline.helpdesk.boundary;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import jakarta.ws.rs.core.Response;
import org.optline.platform.web.Htmx;
import org.optline.platform.web.Templates;

import java.util.Map;

/** Renders the helpdesk module's templates, which the jte Maven plugin precompiled into this module. */
final class HelpdeskTemplates {

    private static final TemplateEngine ENGINE = Templates.precompiled(HelpdeskTemplates.class,
            "org.optline.helpdesk.boundary.templates");

    private HelpdeskTemplates() {
    }

    static Content render(String template, Map<String, Object> params) {
        return output -> ENGINE.render(template, params, output);
    }

    /** Returns {@code body} with the htmx {@code events} on which parts of the page reload themselves. */
    static Response changed(Content body, String... events) {
        return Response.ok(body).header(Htmx.TRIGGER, String.join(", ", events)).build();
    }
}
