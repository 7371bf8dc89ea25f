/**
 * Shared kernel of Optline: the exceptions that every module throws for broken rules, and the page
 * and template types with which modules hand their HTML to the app's layout. It also contains the
 * background loop of workers and the request rate limits, whose counters live in the database. Its
 * {@code LegalText} sanitizes the legal texts that customers see, and {@code TypedJson} reads JSON
 * that admins type into forms.
 */
open module org.optline.platform {
    requires transitive gg.jte.runtime;
    requires transitive jakarta.json;
    requires java.logging;
    requires java.sql;
    requires jakarta.annotation;
    requires jakarta.cdi;
    requires jakarta.inject;
    requires jakarta.transaction;
    requires org.jsoup;

    exports org.optline.platform;
    exports org.optline.platform.web;
    exports org.optline.platform.work;
    exports org.optline.platform.limits;
}
