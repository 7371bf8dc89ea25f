/**
 * Contacts: the users and leads a business messages, with their phone numbers, attributes and search.
 *
 * <p>The module is open because CDI, JPA, JSON-B and JAX-RS reach its classes by reflection; only
 * the {@code api} package is exported for other modules to compile against.
 */
open module org.optline.contacts {
    requires transitive org.optline.platform;
    requires jakarta.cdi;
    requires jakarta.inject;
    requires jakarta.persistence;
    requires jakarta.transaction;
    requires jakarta.ws.rs;
    requires jakarta.json;
    requires jakarta.json.bind;
    requires jakarta.annotation;
    requires java.sql;
    requires java.logging;
    requires static java.compiler;
    requires org.eclipse.microprofile.openapi;
    requires microprofile.config.api;
    requires com.google.i18n.phonenumbers.libphonenumber;

    exports org.optline.contacts.api;

    provides org.optline.platform.ApiSchemas with org.optline.contacts.boundary.ContactApiSchemas;
}
