package org.optline.messaging.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.optline.messaging.control.Outbox;
import org.optline.platform.web.Page;

import java.util.Map;

/** The sandbox gateway's outbox: the newest messages it stored instead of sending them. */
@Path("admin/outbox")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class OutboxPage {

    static final int SHOWN = 200;

    @Inject
    Outbox outbox;

    @GET
    @Operation(hidden = true)
    public Page list() {
        return new Page("Outbox", "outbox", MessagesPage.render("messages/outbox.jte",
                Map.of("messages", outbox.recent(0, SHOWN), "shown", SHOWN)));
    }
}
