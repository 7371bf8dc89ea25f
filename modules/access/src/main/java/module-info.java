/**
 * Accounts of admins and agents and the API access tokens of integrators.
 *
 * <p>The module is open because CDI, JPA and JAX-RS reach its classes by reflection; only the
 * {@code api} package is exported for other modules to compile against.
 */
open module org.optline.access {
    requires org.optline.platform;
    requires jakarta.cdi;
    requires jakarta.inject;
    requires jakarta.persistence;
    requires jakarta.transaction;
    requires jakarta.ws.rs;
    requires jakarta.servlet;
    requires jakarta.security;
    requires jakarta.annotation;
    requires java.logging;
    requires static java.compiler;
    requires org.eclipse.microprofile.openapi;

    exports org.optline.access.api;
}
