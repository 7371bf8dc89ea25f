package org.optline.helpdesk.boundary.messenger;

import gg.jte.Content;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.optline.helpdesk.api.Channel;
import org.optline.helpdesk.api.ConversationApp;
import org.optline.helpdesk.api.ConversationView;
import org.optline.helpdesk.api.Conversations;
import org.optline.helpdesk.api.MessengerVisitor;
import org.optline.helpdesk.api.PartKind;
import org.optline.helpdesk.api.PartView;
import org.optline.helpdesk.control.messenger.MessengerSettings;
import org.optline.helpdesk.control.messenger.MessengerSettingsStore;
import org.optline.helpdesk.control.messenger.MessengerVisitors;
import org.optline.platform.web.StandalonePage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The messenger inside its iframe: the frame page, the conversation with its composer, new parts as
 * they arrive, and the contact's messages. Every request but the frame page itself carries the
 * messenger token in the {@code X-Optline-Messenger-Token} header, which frame.js adds.
 */
@Path("messenger")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class MessengerFrameResource {

    private static final Logger LOG = Logger.getLogger(MessengerFrameResource.class.getName());
    static final int MAX_MESSAGE_CHARS = 5000;

    @Inject
    MessengerSettingsStore settings;

    @Inject
    MessengerGate gate;

    @Inject
    Conversations conversations;

    @Inject
    MessengerVisitors visitors;

    @Inject
    Instance<ConversationApp> apps;

    @Context
    HttpServletRequest request;

    /**
     * Returns the frame page. It contains no contact data, because the token reaches the frame only
     * through postMessage from optline.js; frame.js then loads the conversation with it. Only
     * allow-listed sites may frame it.
     */
    @GET
    @Path("frame")
    @Operation(hidden = true)
    public Response frame() {
        Optional<Response> limited = gate.limitByIp(request);
        if (limited.isPresent()) {
            return limited.get();
        }
        MessengerSettings current = settings.current();
        Content document = MessengerTemplates.render("messenger/frame.jte", Map.of(
                "htmxPath", MessengerTemplates.HTMX_PATH, "htmxConfig", MessengerTemplates.HTMX_CONFIG));
        return Response.ok(new StandalonePage(document))
                .header("Content-Security-Policy", FramePolicy.of(current.allowedOrigins()))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** Returns the whole messenger: heading, the parts so far, the composer. */
    @GET
    @Path("conversation")
    @Operation(hidden = true)
    public Response conversation(@QueryParam("locale") String localeHint) {
        Locale locale = MessengerGate.locale(localeHint, request);
        MessengerGate.Gated gated = gate.admit(request, locale);
        if (gated.rejection().isPresent()) {
            return gated.rejection().get();
        }
        MessengerTexts texts = MessengerTexts.forLocale(locale);
        List<MessengerPart> parts = partsAfter(gated.visitor(), 0, locale);
        return Response.ok(MessengerTemplates.render("messenger/conversation.jte", Map.of(
                "texts", texts, "parts", parts, "after", lastId(parts, 0), "locale", texts.language(),
                "parentOrigin", gated.claims().orElseThrow().origin(), "maxLength", MAX_MESSAGE_CHARS))).build();
    }

    /** Returns the parts added after part {@code after} and the poller that requests the next ones. */
    @GET
    @Path("conversation/parts")
    @Operation(hidden = true)
    public Response parts(@QueryParam("after") long after, @QueryParam("locale") String localeHint) {
        Locale locale = MessengerGate.locale(localeHint, request);
        MessengerGate.Gated gated = gate.admit(request, locale);
        if (gated.rejection().isPresent()) {
            return gated.rejection().get();
        }
        MessengerTexts texts = MessengerTexts.forLocale(locale);
        List<MessengerPart> parts = partsAfter(gated.visitor(), after, locale);
        return Response.ok(MessengerTemplates.render("messenger/parts.jte", Map.of(
                "texts", texts, "parts", parts, "after", lastId(parts, after), "locale", texts.language()))).build();
    }

    /**
     * Adds the contact's message to their latest messenger conversation, starting one when there is none.
     * An anonymous visitor's first message creates their lead.
     */
    @POST
    @Path("conversation/messages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response write(@FormParam("body") String body, @QueryParam("locale") String localeHint) {
        Locale locale = MessengerGate.locale(localeHint, request);
        Optional<Response> foreign = gate.requireFrameOrigin(request, locale);
        if (foreign.isPresent()) {
            LOG.fine("Rejected a messenger message sent from another site");
            return foreign.get();
        }
        MessengerGate.Gated gated = gate.admit(request, locale);
        if (gated.rejection().isPresent()) {
            return gated.rejection().get();
        }
        MessengerTexts texts = MessengerTexts.forLocale(locale);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            return MessengerGate.notice(400, texts.get("error.blank"));
        }
        if (text.length() > MAX_MESSAGE_CHARS) {
            return MessengerGate.notice(400, texts.get("error.long", MAX_MESSAGE_CHARS, text.length()));
        }
        long contactId = gated.visitor().map(MessengerVisitor::contactId)
                .orElseGet(() -> visitors.leadOf(gated.claims().orElseThrow().visitorId(), texts.language()).id());
        ConversationView conversation = latest(contactId)
                .orElseGet(() -> conversations.startByContact(contactId, Channel.MESSENGER));
        PartView part = conversations.addCustomerMessage(conversation.id(), contactId, text);
        LOG.info(() -> "Contact " + contactId + " wrote part " + part.id() + " in conversation " + conversation.id()
                + " through the messenger");
        return Response.noContent().header("HX-Trigger", "optline-refresh").build();
    }

    private Optional<ConversationView> latest(long contactId) {
        return conversations.ofContact(contactId, Channel.MESSENGER).stream().findFirst();
    }

    /**
     * Returns the parts of the visitor's latest conversation after {@code after}, without agent-only
     * events; none for a visitor without a contact yet.
     */
    private List<MessengerPart> partsAfter(Optional<MessengerVisitor> contact, long after, Locale locale) {
        if (contact.isEmpty()) {
            return List.of();
        }
        MessengerVisitor visitor = contact.get();
        Optional<ConversationView> conversation = latest(visitor.contactId());
        if (conversation.isEmpty()) {
            return List.of();
        }
        List<MessengerPart> shown = new ArrayList<>();
        for (PartView part : conversations.parts(conversation.get().id(), after)) {
            switch (part.kind()) {
                case CUSTOMER_MESSAGE -> shown.add(new MessengerPart(part.id(), true, part.body(), null));
                case AGENT_MESSAGE -> shown.add(new MessengerPart(part.id(), false, part.body(), null));
                case APP -> app(part.appType()).ifPresent(app ->
                        shown.add(new MessengerPart(part.id(), false, null, app.customerView(part, visitor, locale))));
                case EVENT -> {
                }
            }
        }
        return shown;
    }

    private Optional<ConversationApp> app(String type) {
        return apps.stream().filter(app -> app.type().equals(type)).findFirst();
    }

    private static long lastId(List<MessengerPart> parts, long otherwise) {
        return parts.isEmpty() ? otherwise : parts.getLast().id();
    }
}
