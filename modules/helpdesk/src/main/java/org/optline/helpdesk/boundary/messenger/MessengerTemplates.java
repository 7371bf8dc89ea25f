package org.optline.helpdesk.boundary.messenger;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import org.optline.platform.web.Templates;

import java.util.Map;

/** Renders the messenger's templates, which the jte Maven plugin precompiled into this module. */
final class MessengerTemplates {

    private static final TemplateEngine ENGINE = Templates.precompiled(MessengerTemplates.class,
            "org.optline.helpdesk.boundary.templates");

    /**
     * The htmx script of the frame. The version must match the {@code htmx.org} webjar in the parent pom;
     * MessengerIT loads every script of the frame page, so a mismatch fails there.
     */
    static final String HTMX_PATH = "/webjars/htmx.org/2.0.10/dist/htmx.min.js";

    /**
     * htmx settings of the frame: no inline indicator styles and no eval, which its content security
     * policy forbids, requests to Optline only, and error responses swapped because they carry the notice to show.
     */
    static final String HTMX_CONFIG = "{\"includeIndicatorStyles\":false,\"allowEval\":false,"
            + "\"allowScriptTags\":false,\"selfRequestsOnly\":true,\"responseHandling\":["
            + "{\"code\":\"204\",\"swap\":false},{\"code\":\"[23]..\",\"swap\":true},"
            + "{\"code\":\"[45]..\",\"swap\":true,\"error\":true}]}";

    private MessengerTemplates() {
    }

    static Content render(String template, Map<String, Object> params) {
        return output -> ENGINE.render(template, params, output);
    }
}
