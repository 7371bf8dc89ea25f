package org.optline.messaging.boundary;

import gg.jte.Content;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.optline.messaging.control.inbound.KeywordActions;
import org.optline.messaging.control.inbound.ReviewQueue;
import org.optline.platform.ResourceNotFoundException;
import org.optline.platform.web.Page;

import java.util.Map;

/**
 * The review queue of inbound SMS that read as a request to stop without being a keyword. An agent
 * reads each one and either opts the sender out, as a STOP would, or dismisses it.
 */
@Path("inbox/sms-review")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class SmsReviewPage {

    @Inject
    ReviewQueue queue;

    @Inject
    KeywordActions actions;

    @GET
    @Operation(hidden = true)
    public Page show() {
        return new Page("SMS review", "inbox", list(null));
    }

    @POST
    @Path("{id}/opt-out")
    @Operation(hidden = true)
    public Content optOut(@PathParam("id") String id, @Context SecurityContext caller) {
        int changes = actions.treatAsOptOut(parse(id), caller.getUserPrincipal().getName());
        return list("The sender was opted out (" + changes + " consent change" + (changes == 1 ? "" : "s") + ").");
    }

    @POST
    @Path("{id}/dismiss")
    @Operation(hidden = true)
    public Content dismiss(@PathParam("id") String id, @Context SecurityContext caller) {
        actions.dismiss(parse(id), caller.getUserPrincipal().getName());
        return list("The message was dismissed; consent is unchanged.");
    }

    private Content list(String status) {
        return MessagesPage.render("messages/review.jte", Map.of("reviews", queue.open(), "status",
                status == null ? "" : status));
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ResourceNotFoundException("Inbound SMS '" + id + "' was not found.");
        }
    }
}
