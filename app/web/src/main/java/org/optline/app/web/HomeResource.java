package org.optline.app.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Sends visitors of the root to their start page: admins to subscriptions, agents to their account, others to sign-in. */
@Path("")
@ApplicationScoped
public class HomeResource {

    @GET
    @Operation(hidden = true)
    public Response home(@Context SecurityContext security, @Context UriInfo uri) {
        String target;
        if (security.isUserInRole("ADMIN")) {
            target = "admin/subscriptions";
        } else if (security.getUserPrincipal() != null) {
            target = "account";
        } else {
            target = "login";
        }
        return Response.seeOther(uri.getBaseUriBuilder().path(target).build()).build();
    }
}
