package org.optline.helpdesk.boundary;

import gg.jte.Content;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.optline.contacts.api.ContactView;
import org.optline.helpdesk.api.ConversationView;
import org.optline.helpdesk.api.Conversations;
import org.optline.platform.InvalidInputException;
import org.optline.platform.web.Page;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static org.optline.helpdesk.boundary.HelpdeskTemplates.render;

/**
 * The "New message" page: an agent picks contacts by name, email or phone number, writes a message, and
 * sends it as one new messenger conversation per contact.
 */
@Path("inbox/new")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class OutboundPage {

    /** How many search results the contact picker shows. */
    static final int SEARCH_RESULTS = 20;

    /** The maximum length of the search text, which is longer than any name, email or phone number. */
    static final int MAX_SEARCH_LENGTH = 200;

    @Inject
    Conversations conversations;

    @Inject
    ContactDirectory directory;

    @Inject
    InstalledApps apps;

    @GET
    @Operation(hidden = true)
    public Page page() {
        return new Page("New message", "inbox", render("inbox/newMessage.jte", Map.of("maxRecipients",
                Conversations.MAX_RECIPIENTS)));
    }

    /** Returns the picker's contacts: the chosen ones first and checked, then the matches of {@code q}. */
    @GET
    @Path("recipients")
    @Operation(hidden = true)
    public Content recipients(@QueryParam("q") String text, @QueryParam("contact") List<String> chosen) {
        if (text != null && text.length() > MAX_SEARCH_LENGTH) {
            throw new InvalidInputException("q", "The search text has " + text.length() + " characters, more than the "
                    + MAX_SEARCH_LENGTH + " allowed. Search for part of a name, email or phone number.");
        }
        LinkedHashSet<Long> chosenIds = new LinkedHashSet<>(HelpdeskIds.contacts(chosen));
        if (chosenIds.size() > Conversations.MAX_RECIPIENTS) {
            throw new InvalidInputException("contact", chosenIds.size() + " contacts were chosen, more than the "
                    + Conversations.MAX_RECIPIENTS + " one message may go to. Send it in several batches.");
        }
        Map<Long, ContactView> found = directory.contacts(chosenIds);
        List<ContactView> selected = chosenIds.stream().map(found::get).filter(contact -> contact != null).toList();
        List<ContactView> matches = new ArrayList<>();
        for (ContactView contact : directory.search(text, SEARCH_RESULTS)) {
            if (!chosenIds.contains(contact.id())) {
                matches.add(contact);
            }
        }
        Map<String, Object> params = new HashMap<>();
        params.put("selected", selected);
        params.put("matches", matches);
        params.put("searched", text != null && !text.isBlank());
        return render("inbox/recipients.jte", params);
    }

    /** Starts the conversations and shows links to them with the app buttons for all of them at once. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Content send(@FormParam("contact") List<String> chosen, @FormParam("body") String body,
                        @Context SecurityContext caller) {
        List<ConversationView> started = conversations.startOutbound(HelpdeskIds.contacts(chosen),
                InboxPage.agent(caller), body);
        List<Long> ids = started.stream().map(ConversationView::id).toList();
        Map<String, Object> params = new HashMap<>();
        params.put("conversations", started);
        params.put("contacts", directory.contacts(started.stream().map(ConversationView::contactId).toList()));
        params.put("apps", apps.buttons(ids));
        return render("inbox/sent.jte", params);
    }
}
