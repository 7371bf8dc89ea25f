/**
 * Segments: saved contact filters, their sizes, and audience previews that say why each contact is left out.
 *
 * <p>The module is open because CDI, JPA, JSON-B and JAX-RS reach its classes by reflection; only
 * the {@code api} package is exported for other modules to compile against.
 */
open module org.optline.segments {
    requires transitive org.optline.platform;
    requires org.optline.contacts;
    requires org.optline.subscriptions;
    requires java.sql;
    requires com.carrotsearch.hppc;
    requires jakarta.servlet;
    requires jakarta.cdi;
    requires jakarta.inject;
    requires jakarta.persistence;
    requires jakarta.transaction;
    requires jakarta.ws.rs;
    requires jakarta.json;
    requires jakarta.json.bind;
    requires jakarta.annotation;
    requires jakarta.concurrency;
    requires java.logging;
    requires static java.compiler;
    requires org.eclipse.microprofile.openapi;
    requires microprofile.config.api;

    exports org.optline.segments.api;
}
