package org.optline.helpdesk.boundary.messenger;

import gg.jte.Content;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.optline.helpdesk.control.messenger.AllowedOrigins;
import org.optline.helpdesk.control.messenger.MessengerSettings;
import org.optline.helpdesk.control.messenger.MessengerSettingsStore;
import org.optline.platform.web.Page;

import java.util.List;
import java.util.Map;

/**
 * The admin page of the messenger: the websites that may embed it, the identity secret with which
 * those sites sign their users, and the snippet to paste into a website. Only admins reach it.
 */
@Path("admin/messenger")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class MessengerSettingsPage {

    @Inject
    MessengerSettingsStore settings;

    @Context
    UriInfo uri;

    @GET
    @Operation(hidden = true)
    public Page page() {
        MessengerSettings current = settings.current();
        return new Page("Messenger", "messenger", MessengerTemplates.render("messenger/settings.jte", Map.of(
                "origins", String.join("\n", current.allowedOrigins()),
                "secret", secretSection(current),
                "snippet", snippet(appUrl()))));
    }

    @POST
    @Path("origins")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Content changeOrigins(@FormParam(AllowedOrigins.FIELD) String origins, @Context SecurityContext caller) {
        List<String> parsed = AllowedOrigins.parse(origins);
        MessengerSettings changed = settings.changeAllowedOrigins(parsed, caller.getUserPrincipal().getName());
        String message = changed.allowedOrigins().isEmpty()
                ? "No website may embed the messenger now."
                : "These websites may embed the messenger now: " + String.join(", ", changed.allowedOrigins()) + ".";
        return MessengerTemplates.render("messenger/done.jte", Map.of("message", message));
    }

    @POST
    @Path("identity-secret")
    @Operation(hidden = true)
    public Content rotateSecret(@Context SecurityContext caller) {
        return secretSection(settings.rotateIdentitySecret(caller.getUserPrincipal().getName()));
    }

    private static Content secretSection(MessengerSettings settings) {
        return MessengerTemplates.render("messenger/secret.jte", Map.of("secret", settings.identitySecret()));
    }

    private String appUrl() {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Returns the HTML that a website pastes before its closing body tag. */
    static String snippet(String appUrl) {
        return """
                <script>
                  window.optlineSettings = {
                    app_url: "%1$s"
                    // For a signed-in user, add user_id (or email) and user_hash, the hex HMAC-SHA256
                    // of that value with the identity secret, computed on your server.
                  };
                </script>
                <script src="%1$s/widget/optline.js" async></script>
                """.formatted(appUrl);
    }
}
