package org.optline.access.boundary;

import gg.jte.Content;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.optline.access.api.AccountView;
import org.optline.access.api.Accounts;
import org.optline.access.api.SessionAttributes;
import org.optline.platform.InvalidInputException;
import org.optline.platform.ResourceNotFoundException;
import org.optline.platform.web.Page;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import static org.optline.access.boundary.AccessTemplates.render;

/**
 * The own-account page of the signed-in admin or agent. It shows their email, name and role, and
 * changes their password.
 */
@Path("account")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class AccountPage {

    @Inject
    Accounts accounts;

    @GET
    @Operation(hidden = true)
    public Page page(@Context SecurityContext caller) {
        String email = caller.getUserPrincipal().getName();
        AccountView account = accounts.find(email)
                .orElseThrow(() -> new ResourceNotFoundException("Account " + email + " was not found."));
        return new Page("Your account", "account", render("access/account.jte", Map.of("account", account)));
    }

    /**
     * Changes the password and returns an empty form, so that no typed password stays in the page.
     * This session stays signed in; the account's other sessions end.
     */
    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Content changePassword(@FormParam("current_password") String currentPassword,
                                  @FormParam("new_password") String newPassword,
                                  @FormParam("repeat_password") String repeatPassword,
                                  @Context SecurityContext caller, @Context HttpServletRequest request) {
        requireRepeated(newPassword, repeatPassword);
        accounts.changePassword(caller.getUserPrincipal().getName(), currentPassword, newPassword);
        request.getSession().setAttribute(SessionAttributes.SIGNED_IN_AT, Instant.now());
        return render("access/passwordChanged.jte", Map.of());
    }

    /**
     * Rejects a form whose repeated password differs from the new one, which usually means a typo.
     * A missing new password passes here, so that the password policy reports it.
     */
    static void requireRepeated(String newPassword, String repeatPassword) {
        boolean newMissing = newPassword == null || newPassword.isEmpty();
        if (!newMissing && !Objects.equals(newPassword, repeatPassword)) {
            throw new InvalidInputException("repeat_password", "The repeated password (repeat_password) does not match "
                    + "the new password. Type the same new password in both fields.");
        }
    }
}
