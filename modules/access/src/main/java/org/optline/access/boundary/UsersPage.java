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
import org.optline.access.api.AccountView;
import org.optline.access.api.Accounts;
import org.optline.access.api.Role;
import org.optline.platform.ResourceNotFoundException;
import org.optline.platform.web.Page;

import java.time.Clock;
import java.util.Map;

import static org.optline.access.boundary.AccessTemplates.changed;
import static org.optline.access.boundary.AccessTemplates.render;

/**
 * The admin page of accounts, in htmx: the list, the form that adds an account, and per account the
 * role change, disable, enable and unlock. Every change returns a short fragment and fires the
 * {@value #CHANGED} event, on which the list reloads itself.
 */
@Path("admin/users")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class UsersPage {

    /** The htmx event that makes the list reload after a change. */
    static final String CHANGED = "accountsChanged";

    @Inject
    Accounts accounts;

    @Inject
    Clock clock;

    @GET
    @Operation(hidden = true)
    public Page page(@Context SecurityContext caller) {
        return new Page("Users", "users", render("access/users.jte", Map.of("list", listModel(caller))));
    }

    @GET
    @Path("list")
    @Operation(hidden = true)
    public Content list(@Context SecurityContext caller) {
        return render("access/userList.jte", Map.of("list", listModel(caller)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@FormParam("email") String email, @FormParam("name") String name,
                           @FormParam("role") String role, @FormParam("password") String password,
                           @Context SecurityContext caller) {
        Role parsedRole = Role.parse("role", role);
        AccountView created = accounts.create(email, name, parsedRole, password, actor(caller));
        String message = "Added " + created.email() + " as " + Formats.role(created.role())
                + ". Give them the initial password over a safe channel and ask them to change it.";
        return changed(render("access/userCreated.jte", Map.of("message", message)), CHANGED);
    }

    @POST
    @Path("{id}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response changeRole(@PathParam("id") String id, @FormParam("role") String role,
                               @Context SecurityContext caller) {
        Role parsedRole = Role.parse("role", role);
        AccountView changed = accounts.changeRole(accountId(id), parsedRole, actor(caller));
        return changed(changed.email() + " is now " + Formats.role(changed.role()) + ".", CHANGED);
    }

    @POST
    @Path("{id}/disable")
    @Operation(hidden = true)
    public Response disable(@PathParam("id") String id, @Context SecurityContext caller) {
        AccountView disabled = accounts.disable(accountId(id), actor(caller));
        return changed("Disabled " + disabled.email() + ". The account can no longer sign in.", CHANGED);
    }

    /** Enables a disabled account. For a locked account the same call ends the lockout. */
    @POST
    @Path("{id}/enable")
    @Operation(hidden = true)
    public Response enable(@PathParam("id") String id, @Context SecurityContext caller) {
        AccountView enabled = accounts.enable(accountId(id), actor(caller));
        return changed("Enabled " + enabled.email() + ". The account can sign in again.", CHANGED);
    }

    private UserListModel listModel(SecurityContext caller) {
        return new UserListModel(accounts.list(), actor(caller), clock.instant());
    }

    private static long accountId(String id) {
        return PathIds.parse(id).orElseThrow(() -> new ResourceNotFoundException("Account " + id + " was not found."));
    }

    private static String actor(SecurityContext caller) {
        return caller.getUserPrincipal().getName();
    }
}
