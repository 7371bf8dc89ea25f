/**
 * The Subscription Type Opt-In Form app: agents insert it into conversations, and customers fill it in
 * in the messenger to give their consent, with the evidence of what they saw.
 *
 * <p>The module is open because CDI, JPA and JAX-RS reach its classes by reflection; only the
 * {@code api} package is exported for other modules to compile against.
 */
open module org.optline.optinform {
    requires transitive org.optline.platform;
    requires org.optline.contacts;
    requires org.optline.subscriptions;
    requires org.optline.helpdesk;
    requires org.jsoup;
    requires java.sql;
    requires jakarta.servlet;
    requires jakarta.cdi;
    requires jakarta.inject;
    requires jakarta.persistence;
    requires jakarta.transaction;
    requires jakarta.ws.rs;
    requires jakarta.json;
    requires jakarta.annotation;
    requires java.logging;
    requires static java.compiler;
    requires org.eclipse.microprofile.openapi;
    requires microprofile.config.api;

    exports org.optline.optinform.api;
}
