package org.optline.app;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import java.util.Map;

/**
 * The JAX-RS application, mounted at the root so that pages and the API share one set of providers.
 * Static files under {@code /webjars/} go to the container's default servlet (see web.xml).
 */
@ApplicationPath("/")
@DeclareRoles({"ADMIN", "AGENT"})
@OpenAPIDefinition(
        info = @Info(title = "Optline API", version = "0.1",
                description = "SMS consent management. The subscription type and contact endpoints follow "
                        + "Intercom's API version 2.14, so Intercom clients work when pointed at Optline. "
                        + "Any request that writes can also get a 409 with the code conflict when another change "
                        + "of the same data was saved at the same moment, for example through another database "
                        + "node; nothing was saved, and sending the same request again is safe.",
                license = @License(name = "Apache-2.0")),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An access token created by an admin under Settings, API tokens.")
public class OptlineApplication extends Application {

    /**
     * Turns off Jersey's generated WADL at {@code /application.wadl}, which would list every route,
     * admin pages included, to anyone; {@code /openapi} documents the public API.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
