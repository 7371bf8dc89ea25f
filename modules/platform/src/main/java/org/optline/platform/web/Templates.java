package org.optline.platform.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;

/**
 * Creates the template engine of one module from the classes that the jte Maven plugin generated at
 * build time, so that nothing is compiled at run time and HTML output is escaped by default.
 */
public final class Templates {

    private Templates() {
    }

    /**
     * Returns an engine for templates precompiled into {@code packageName}, loaded through the class
     * loader of {@code anchor}, a class of the same module.
     */
    public static TemplateEngine precompiled(Class<?> anchor, String packageName) {
        return TemplateEngine.createPrecompiled(null, ContentType.Html, anchor.getClassLoader(), packageName);
    }
}
