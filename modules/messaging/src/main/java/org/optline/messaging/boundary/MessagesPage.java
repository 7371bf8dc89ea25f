package org.optline.messaging.boundary;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.Contacts;
import org.optline.messaging.control.Delivery;
import org.optline.messaging.control.MessageTemplate;
import org.optline.messaging.control.OptOutTexts;
import org.optline.messaging.control.SendView;
import org.optline.messaging.control.Sends;
import org.optline.platform.DomainException;
import org.optline.platform.InvalidInputException;
import org.optline.platform.ResourceNotFoundException;
import org.optline.platform.SmsCounter;
import org.optline.platform.web.Htmx;
import org.optline.platform.web.Page;
import org.optline.platform.web.Templates;
import org.optline.segments.api.AudiencePreview;
import org.optline.segments.api.Audiences;
import org.optline.segments.api.SegmentView;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.SubscriptionTypes;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The admin pages of outbound SMS: the compose form with the live size count and audience preview,
 * the recent sends, and a send's page whose progress htmx refreshes every second while it runs.
 */
@Path("admin/messages")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class MessagesPage {

    static final int RECENT = 50;
    static final int SAMPLE = 5;

    /**
     * A preference link path with a token of the real length, which the preview shows in place of a
     * contact's personal link, so that typing creates no links. The token reads as an example, because no
     * link has it.
     */
    /** The language of the preference center preview when no type is chosen. */
    private static final String DEFAULT_LOCALE = "en";

    static final String SAMPLE_LINK_PATH = "/p/sample-personal-link-0";

    private static final TemplateEngine TEMPLATES = Templates.precompiled(MessagesPage.class,
            "org.optline.messaging.boundary.templates");

    @Inject
    Sends sends;

    @Inject
    SubscriptionTypes types;

    @Inject
    Audiences audiences;

    @Inject
    Contacts contacts;

    @Inject
    Delivery delivery;

    @Inject
    OptOutTexts optOutTexts;

    @GET
    @Operation(hidden = true)
    public Page list() {
        List<SendModel> recent = sends.recent(RECENT).stream().map(this::model).toList();
        List<SegmentView> segments = audiences.segments();
        return new Page("Messages", "messages", render("messages/compose.jte", Map.of("types",
                types.live(MessageType.SMS), "segments", segments, "sends", recent)));
    }

    /** Returns the size count and audience preview of what the compose form contains now. */
    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Content check(MultivaluedMap<String, String> form) {
        return render("messages/check.jte", Map.of("check", check(form.getFirst("body"),
                optionalId(form, "subscription_type_id"), optionalId(form, "segment_id"))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(MultivaluedMap<String, String> form, @Context SecurityContext caller) {
        Sends.Composition composition = sends.check(form.getFirst("body"), optionalId(form, "subscription_type_id"),
                optionalId(form, "segment_id"), scheduledAt(form));
        SendView send = sends.create(composition, caller.getUserPrincipal().getName());
        return Response.ok(render("messages/created.jte", Map.of("id", send.id())))
                .header(Htmx.REDIRECT, "/admin/messages/" + send.id())
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public Page send(@PathParam("id") String id) {
        SendModel model = model(require(id));
        return new Page("SMS send " + model.send().id(), "messages", render("messages/send.jte", Map.of("model", model)));
    }

    @GET
    @Path("{id}/progress")
    @Operation(hidden = true)
    public Content progress(@PathParam("id") String id) {
        return render("messages/progress.jte", Map.of("model", model(require(id))));
    }

    private ComposeCheck check(String body, Long typeId, Long segmentId) {
        List<String> errors = new ArrayList<>();
        AudiencePreview preview = null;
        SubscriptionTypeView type = null;
        try {
            type = sends.liveSmsType(typeId);
            preview = audiences.preview(type.id(), segmentId, SAMPLE);
        } catch (DomainException e) {
            errors.add(e.getMessage());
        }
        String previewLocale = type == null ? DEFAULT_LOCALE : type.defaultLocale().value();
        Optional<ContactView> contact = preview == null || preview.sample().isEmpty() ? Optional.empty()
                : contacts.find(preview.sample().getFirst());
        String typed = body == null ? "" : body;
        String footer = footer(type, contact);
        if (typed.isBlank()) {
            return new ComposeCheck(null, SmsCounter.count("\n" + footer), null, errors, preview, previewLocale);
        }
        MessageTemplate template;
        try {
            template = MessageTemplate.parse(typed);
        } catch (DomainException e) {
            // Sending rejects the body, but the size still counts the footer that every message ends with.
            errors.addFirst(e.getMessage());
            return new ComposeCheck(null, SmsCounter.count(typed + "\n" + footer),
                    "The placeholders that cannot be filled in are counted as typed.", errors, preview, previewLocale);
        }
        String text = contact.isPresent() && type != null ? delivery.compose(typed, contact.get(), type, SAMPLE_LINK_PATH)
                : template.render(attribute -> Optional.empty()) + "\n" + footer;
        return new ComposeCheck(text, SmsCounter.count(text), null, errors, preview, previewLocale);
    }

    /**
     * Returns the end of every message: the type's opt-out text in the sample contact's language, or in
     * the type's default language without a contact, and a sample link of the real length.
     */
    private String footer(SubscriptionTypeView type, Optional<ContactView> contact) {
        String optOut;
        if (type == null) {
            optOut = OptOutTexts.builtIn(Locale.ENGLISH);
        } else if (contact.isPresent()) {
            optOut = optOutTexts.textFor(type.id(), contact.get().locale());
        } else {
            optOut = optOutTexts.textFor(type.id(), type.defaultLocale().value());
        }
        return optOut + " " + delivery.publicBase() + SAMPLE_LINK_PATH;
    }

    private static Instant scheduledAt(MultivaluedMap<String, String> form) {
        if (!"later".equals(form.getFirst("when"))) {
            return null;
        }
        String value = form.getFirst("scheduled_at");
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("scheduled_at", "Choose the date and time (UTC) to send at, or send now.");
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("scheduled_at", "'" + value + "' is not a date and time. Use the form "
                    + "2027-01-31T09:30 (UTC).");
        }
    }

    private static Long optionalId(MultivaluedMap<String, String> form, String field) {
        String value = form.getFirst(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, field + " '" + value + "' is not an id. Choose an entry from the list.");
        }
    }

    private SendModel model(SendView send) {
        String typeName = types.find(send.subscriptionTypeId()).map(type -> type.defaultTranslation().name())
                .orElse("Subscription type " + send.subscriptionTypeId());
        // A deleted segment keeps its id on the send, so the page still names which one it was.
        String segmentName = send.segmentId() == null ? "All contacts" : audiences.segment(send.segmentId())
                .map(SegmentView::name).orElse("Segment " + send.segmentId() + " (deleted)");
        return new SendModel(send, typeName, segmentName, sends.progress(send.id()));
    }

    private SendView require(String id) {
        try {
            return sends.find(Long.parseLong(id)).orElseThrow(() -> notFound(id));
        } catch (NumberFormatException e) {
            throw notFound(id);
        }
    }

    private static ResourceNotFoundException notFound(String id) {
        return new ResourceNotFoundException("SMS send " + id + " does not exist.");
    }

    static Content render(String template, Map<String, Object> params) {
        return output -> TEMPLATES.render(template, params, output);
    }
}
