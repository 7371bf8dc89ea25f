package org.optline.access.boundary;

import gg.jte.Content;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.optline.access.api.ApiTokens;
import org.optline.access.api.IssuedToken;
import org.optline.access.api.TokenView;
import org.optline.platform.ResourceNotFoundException;
import org.optline.platform.web.Page;

import java.util.Map;

import static org.optline.access.boundary.AccessTemplates.changed;
import static org.optline.access.boundary.AccessTemplates.render;

/**
 * The admin page of API access tokens, in htmx: the list, the form that creates a token, and revoke.
 * A new token's value appears once, in the response to the create request, and nowhere else.
 */
@Path("admin/api-tokens")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class ApiTokensPage {

    /** The htmx event that makes the list reload after a change. */
    static final String CHANGED = "apiTokensChanged";

    @Inject
    ApiTokens tokens;

    @GET
    @Operation(hidden = true)
    public Page page() {
        return new Page("API tokens", "api-tokens", render("access/tokens.jte", Map.of("tokens", tokens.list())));
    }

    @GET
    @Path("list")
    @Operation(hidden = true)
    public Content list() {
        return render("access/tokenList.jte", Map.of("tokens", tokens.list()));
    }

    /** Creates a token and returns its value inside the editor fragment. The reloaded list shows only its hint. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@FormParam("name") String name, @Context SecurityContext caller) {
        IssuedToken issued = tokens.issue(name, caller.getUserPrincipal().getName());
        return changed(render("access/tokenIssued.jte", Map.of("issued", issued)), CHANGED);
    }

    @POST
    @Path("{id}/revoke")
    @Operation(hidden = true)
    public Response revoke(@PathParam("id") String id, @Context SecurityContext caller) {
        long tokenId = PathIds.parse(id)
                .orElseThrow(() -> new ResourceNotFoundException("API token " + id + " was not found."));
        TokenView revoked = tokens.revoke(tokenId, caller.getUserPrincipal().getName());
        return changed("Revoked API token \u201C" + revoked.name() + "\u201D (\u2026" + revoked.hint()
                + "). Requests that send it are rejected.", CHANGED);
    }
}
