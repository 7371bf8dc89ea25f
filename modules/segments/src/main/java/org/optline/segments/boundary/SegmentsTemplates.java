package org.optline.segments.boundary;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import jakarta.ws.rs.core.Response;
import org.optline.platform.web.Htmx;
import org.optline.platform.web.Templates;

import java.util.Map;

/** Renders the segments module's templates, which the jte Maven plugin precompiled into this module. */
final class SegmentsTemplates {

    private static final TemplateEngine ENGINE = Templates.precompiled(SegmentsTemplates.class,
            "org.optline.segments.boundary.templates");

    private SegmentsTemplates() {
    }

    static Content render(String template, Map<String, Object> params) {
        return output -> ENGINE.render(template, params, output);
    }

    /** Returns an empty response that makes htmx load {@code path} as a whole page. */
    static Response redirect(String path) {
        return Response.ok().header(Htmx.REDIRECT, path).build();
    }
}
