/**
 * Shared kernel of Optline: the exceptions that every module throws for broken rules, the page
 * and template types with which modules hand their HTML to the app's layout, the background loop of
 * workers, and request rate limits counted in the database.
 */
open module org.optline.platform {
    requires transitive gg.jte.runtime;
    requires java.logging;
    requires java.sql;
    requires jakarta.annotation;
    requires jakarta.cdi;
    requires jakarta.inject;

    exports org.optline.platform;
    exports org.optline.platform.web;
    exports org.optline.platform.work;
    exports org.optline.platform.limits;
}
