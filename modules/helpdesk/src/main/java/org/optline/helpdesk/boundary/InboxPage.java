package org.optline.helpdesk.boundary;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.Contacts;
import org.optline.helpdesk.api.Channel;
import org.optline.helpdesk.api.ConversationNotFoundException;
import org.optline.helpdesk.api.ConversationState;
import org.optline.helpdesk.api.ConversationView;
import org.optline.helpdesk.api.Conversations;
import org.optline.helpdesk.api.PartKind;
import org.optline.helpdesk.api.PartView;
import org.optline.helpdesk.control.Inbox;
import org.optline.platform.InvalidInputException;
import org.optline.platform.SmsCounter;
import org.optline.platform.web.Page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.optline.helpdesk.boundary.HelpdeskTemplates.changed;
import static org.optline.helpdesk.boundary.HelpdeskTemplates.render;

/**
 * The agent inbox: open or closed conversations by latest activity, and one conversation with its
 * parts, which polls for new parts, a reply box, close and reopen.
 */
@Path("inbox")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class InboxPage {

    /**
     * The htmx event on which the conversation page requests new parts at once, without waiting for the
     * poll. App composers, such as the opt-in form's, fire it too after inserting a part.
     */
    static final String PARTS_CHANGED = "conversationPartsChanged";

    /** How many conversations one page of the inbox list shows. */
    static final int PAGE_SIZE = 50;

    private static final byte[] SCRIPT = readScript();

    @Inject
    Conversations conversations;

    @Inject
    Inbox inbox;

    @Inject
    Contacts contacts;

    @Inject
    InstalledApps apps;

    @Inject
    ContactDirectory directory;

    @GET
    @Operation(hidden = true)
    public Page list(@QueryParam("state") String state, @QueryParam("offset") String offset) {
        return new Page("Inbox", "inbox", render("inbox/list.jte", listParams(state, offset)));
    }

    /** Returns the rows of one page of the list, which the list page requests again every few seconds. */
    @GET
    @Path("rows")
    @Operation(hidden = true)
    public Content rows(@QueryParam("state") String state, @QueryParam("offset") String offset) {
        return render("inbox/rows.jte", listParams(state, offset));
    }

    private Map<String, Object> listParams(String state, String offset) {
        ConversationState shown = "closed".equals(state) ? ConversationState.CLOSED : ConversationState.OPEN;
        String shownName = shown.name().toLowerCase(Locale.ROOT);
        int first = (int) Math.min(HelpdeskIds.number("offset", offset, 0), 1_000_000);
        List<ConversationView> page = inbox.conversations(shown, first, PAGE_SIZE + 1);
        boolean more = page.size() > PAGE_SIZE;
        List<ConversationView> shownPage = more ? page.subList(0, PAGE_SIZE) : page;
        Map<Long, ContactView> people = directory.contacts(shownPage.stream().map(ConversationView::contactId).toList());
        Map<Long, PartView> latest = inbox.latestMessages(shownPage.stream().map(ConversationView::id).toList());
        List<InboxRow> rows = shownPage.stream()
                .map(conversation -> new InboxRow(conversation, people.get(conversation.contactId()),
                        latest.get(conversation.id())))
                .toList();
        Map<String, Object> params = new HashMap<>();
        params.put("state", shown);
        params.put("rows", rows);
        params.put("moreUrl", more ? "/inbox?state=" + shownName + "&offset=" + (first + PAGE_SIZE) : null);
        params.put("refreshUrl", "/inbox/rows?state=" + shownName + "&offset=" + first);
        return params;
    }

    @GET
    @Path("conversations/{id: [0-9]+}")
    @Operation(hidden = true)
    public Page conversation(@PathParam("id") String id) {
        ConversationView conversation = require(id);
        // NOTE: the page loads every part of the conversation; conversations of thousands of parts would need paging.
        List<PartView> parts = conversations.parts(conversation.id(), 0);
        ContactView contact = contacts.find(conversation.contactId()).orElse(null);
        Map<String, Object> params = new HashMap<>();
        params.put("conversation", conversation);
        params.put("contact", contact);
        params.put("parts", apps.agentModels(parts));
        params.put("lastPartId", parts.isEmpty() ? 0L : parts.getLast().id());
        // Apps show only in the messenger, so an SMS conversation offers none.
        params.put("apps", conversation.channel() == Channel.MESSENGER ? apps.buttons(List.of(conversation.id()))
                : List.of());
        params.put("replyBox", ReplyBox.empty(conversation, InboxFormats.maskedPhone(contact)));
        String title = "Conversation with " + InboxFormats.contactName(contact, conversation.contactId());
        return new Page(title, "inbox", render("inbox/conversation.jte", params));
    }

    /**
     * Returns the parts after {@code after} followed by a new poller that requests the parts after the
     * last of them, or 204 when there is none, so that htmx swaps nothing. With new parts it also
     * re-renders the earlier app parts out of band, because an app's card shows state that changes
     * later, such as a form that the customer has since submitted.
     */
    @GET
    @Path("conversations/{id: [0-9]+}/parts")
    @Operation(hidden = true)
    public Response partsAfter(@PathParam("id") String id, @QueryParam("after") String after) {
        long conversationId = HelpdeskIds.conversation(id);
        long afterPartId = HelpdeskIds.number("after", after, 0);
        List<PartView> parts = conversations.parts(conversationId, afterPartId);
        if (parts.isEmpty()) {
            return Response.noContent().build();
        }
        ConversationView conversation = require(id);
        // NOTE: this reads the whole conversation again on each poll that finds new parts, as the page load does.
        List<PartView> earlierApps = conversations.parts(conversationId, 0).stream()
                .filter(part -> part.kind() == PartKind.APP && part.id() <= afterPartId)
                .toList();
        Map<String, Object> params = new HashMap<>();
        params.put("conversation", conversation);
        params.put("parts", apps.agentModels(parts));
        params.put("lastPartId", parts.getLast().id());
        params.put("refreshedApps", apps.agentModels(earlierApps));
        return Response.ok(render("inbox/newParts.jte", params)).build();
    }

    @POST
    @Path("conversations/{id: [0-9]+}/replies")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response reply(@PathParam("id") String id, @FormParam("body") String body, @Context SecurityContext caller) {
        ConversationView conversation = require(id);
        String maskedPhone = InboxFormats.maskedPhone(contacts.find(conversation.contactId()).orElse(null));
        try {
            conversations.addAgentMessage(conversation.id(), agent(caller), body);
        } catch (InvalidInputException e) {
            // The reply box shows why, next to the text the agent typed, which stays for another attempt.
            ReplyBox rejected = ReplyBox.rejected(conversation, maskedPhone, body, e.getMessage());
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(render("inbox/replyForm.jte", Map.of("box", rejected))).build();
        }
        ConversationView replied = require(id);
        return changed(render("inbox/replied.jte", Map.of("conversation", replied,
                "replyBox", ReplyBox.empty(replied, maskedPhone))), PARTS_CHANGED);
    }

    /** Returns the SMS size of the reply being typed, which the reply box of an SMS conversation shows. */
    @POST
    @Path("sms-size")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Content smsSize(@FormParam("body") String body) {
        return render("inbox/replySize.jte", Map.of("size", SmsCounter.count(body == null ? "" : body)));
    }

    @POST
    @Path("conversations/{id: [0-9]+}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response close(@PathParam("id") String id, @FormParam("version") String version,
                          @Context SecurityContext caller) {
        ConversationView closed = conversations.close(HelpdeskIds.conversation(id), agent(caller),
                HelpdeskIds.version(version));
        return changed(state(closed), PARTS_CHANGED);
    }

    @POST
    @Path("conversations/{id: [0-9]+}/reopen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response reopen(@PathParam("id") String id, @FormParam("version") String version,
                           @Context SecurityContext caller) {
        ConversationView reopened = conversations.reopen(HelpdeskIds.conversation(id), agent(caller),
                HelpdeskIds.version(version));
        return changed(state(reopened), PARTS_CHANGED);
    }

    /** Returns the script that pauses the polls of the conversation page and the list while the browser tab is hidden. */
    @GET
    @Path("inbox.js")
    @Produces("text/javascript")
    @Operation(hidden = true)
    public Response script() {
        return Response.ok(SCRIPT).header("Cache-Control", "private, max-age=3600").build();
    }

    /** Returns the conversations of a contact, for the contact's profile page. */
    @GET
    @Path("contacts/{id: [0-9]+}/conversations")
    @Operation(hidden = true)
    public Content ofContact(@PathParam("id") String id) {
        long contactId = HelpdeskIds.number("contact", id, 0);
        return render("inbox/contactConversations.jte", Map.of("conversations", inbox.ofContact(contactId)));
    }

    private static Content state(ConversationView conversation) {
        return render("inbox/state.jte", Map.of("conversation", conversation));
    }

    private ConversationView require(String id) {
        long conversationId = HelpdeskIds.conversation(id);
        return conversations.find(conversationId).orElseThrow(() -> new ConversationNotFoundException(conversationId));
    }

    private static byte[] readScript() {
        try (InputStream script = InboxPage.class.getResourceAsStream("inbox.js")) {
            if (script == null) {
                throw new IllegalStateException("inbox.js is missing from the helpdesk jar; rebuild it.");
            }
            return script.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Reading inbox.js from the helpdesk jar failed", e);
        }
    }

    static String agent(SecurityContext caller) {
        return caller.getUserPrincipal().getName();
    }
}
