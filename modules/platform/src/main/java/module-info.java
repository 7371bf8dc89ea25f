/**
 * Shared kernel of Optline: the exceptions that every module throws for broken rules, and the page
 * and template types with which modules hand their HTML to the app's layout. It also contains the
 * background loop of workers and the request rate limits, whose counters live in the database.
 */
open module org.optline.platform {
    requires transitive gg.jte.runtime;
    requires transitive jakarta.json;
    requires java.logging;
    requires java.sql;
    requires jakarta.annotation;
    requires jakarta.cdi;
    requires jakarta.inject;
    requires org.jsoup;

    exports org.optline.platform;
    exports org.optline.platform.web;
    exports org.optline.platform.work;
    exports org.optline.platform.limits;
}
