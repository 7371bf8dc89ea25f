/**
 * Shared kernel of Optline: the exceptions that every module throws for broken rules, and the page
 * and template types with which modules hand their HTML to the app's layout.
 */
open module org.optline.platform {
    requires transitive gg.jte.runtime;
    requires transitive jakarta.json;
    requires java.logging;

    exports org.optline.platform;
    exports org.optline.platform.web;
    exports org.optline.platform.work;
}
