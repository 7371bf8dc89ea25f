package org.optline.subscriptions.boundary;

import gg.jte.Content;
import gg.jte.TemplateEngine;
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
import org.optline.platform.InvalidInputException;
import org.optline.platform.web.Htmx;
import org.optline.platform.web.Page;
import org.optline.platform.web.Templates;
import org.optline.subscriptions.api.ConsentType;
import org.optline.subscriptions.api.LocaleCode;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.NewSubscriptionType;
import org.optline.subscriptions.api.Rewording;
import org.optline.subscriptions.api.SubscriptionTypeNotFoundException;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.SubscriptionTypes;
import org.optline.subscriptions.api.Translation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The admin page of subscription types, in htmx: the list grouped by state, the new-type form, the
 * edit-in-place form, put live and archive. Every change answers with a short fragment and the
 * {@value #CHANGED} event, on which the list reloads itself.
 */
@Path("admin/subscriptions")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class SubscriptionTypesPage {

    /** The htmx event that makes the list reload after a change. */
    static final String CHANGED = "subscriptionTypesChanged";

    static final TemplateEngine TEMPLATES = Templates.precompiled(SubscriptionTypesPage.class,
            "org.optline.subscriptions.boundary.templates");

    @Inject
    SubscriptionTypes types;

    @GET
    @Operation(hidden = true)
    public Page page() {
        TypeListModel model = TypeListModel.of(types.list());
        return new Page("Subscriptions", "subscriptions", render("subscriptions/page.jte", Map.of("list", model)));
    }

    @GET
    @Path("list")
    @Operation(hidden = true)
    public Content list() {
        return render("subscriptions/list.jte", Map.of("list", TypeListModel.of(types.list())));
    }

    @GET
    @Path("new")
    @Operation(hidden = true)
    public Content newForm() {
        return render("subscriptions/newForm.jte", Map.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@FormParam("message_type") String messageType, @FormParam("consent_type") String consentType,
                           @FormParam("locale") String locale, @FormParam("name") String name,
                           @FormParam("description") String description,
                           @FormParam("double_opt_in") String doubleOptIn, @Context SecurityContext caller) {
        LocaleCode defaultLocale = LocaleCode.parse("Language", locale == null || locale.isBlank() ? "en" : locale);
        NewSubscriptionType request = new NewSubscriptionType(MessageType.parse("message_type", messageType),
                ConsentType.parse("consent_type", consentType), defaultLocale,
                List.of(Translation.labelled("Name", "Description", defaultLocale, name, description)),
                checked(doubleOptIn));
        SubscriptionTypeView created = types.create(request, caller.getUserPrincipal().getName());
        return changed("Created draft \u201C" + created.defaultTranslation().name()
                + "\u201D. Put it live when customers may see it.");
    }

    @GET
    @Path("{id}/edit")
    @Operation(hidden = true)
    public Content editForm(@PathParam("id") String id) {
        return render("subscriptions/editForm.jte", Map.of("type", require(id)));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response update(@PathParam("id") String id, @FormParam("version") String version,
                           @FormParam("default_locale") String defaultLocale,
                           @FormParam("locale") List<String> locales, @FormParam("name") List<String> names,
                           @FormParam("description") List<String> descriptions,
                           @FormParam("remove") List<String> removed,
                           @FormParam("message_type") String messageType, @FormParam("consent_type") String consentType,
                           @FormParam("double_opt_in") String doubleOptIn, @Context SecurityContext caller) {
        SubscriptionTypeView current = require(id);
        // The edit form shows the box only for SMS opt-in types, where a missing field means an unticked box.
        Boolean confirmation = current.messageType() == MessageType.SMS && current.consentType() == ConsentType.OPT_IN
                ? checked(doubleOptIn) : null;
        Rewording request = new Rewording(version(version), LocaleCode.parse("default_locale", defaultLocale),
                translations(locales, names, descriptions, removed),
                messageType == null ? null : MessageType.parse("message_type", messageType),
                consentType == null ? null : ConsentType.parse("consent_type", consentType), confirmation);
        SubscriptionTypeView saved = types.reword(current.id(), request, caller.getUserPrincipal().getName());
        return changed("Saved \u201C" + saved.defaultTranslation().name() + "\u201D.");
    }

    @POST
    @Path("{id}/put-live")
    @Operation(hidden = true)
    public Response putLive(@PathParam("id") String id, @FormParam("version") String version,
                            @Context SecurityContext caller) {
        SubscriptionTypeView live = types.putLive(require(id).id(), version(version), caller.getUserPrincipal().getName());
        return changed("\u201C" + live.defaultTranslation().name() + "\u201D is live.");
    }

    @POST
    @Path("{id}/archive")
    @Operation(hidden = true)
    public Response archive(@PathParam("id") String id, @FormParam("version") String version,
                            @Context SecurityContext caller) {
        SubscriptionTypeView archived = types.archive(require(id).id(), version(version), caller.getUserPrincipal().getName());
        return changed("\u201C" + archived.defaultTranslation().name() + "\u201D is archived.");
    }

    /** Answers a change: a confirmation in the editor area, and the event that reloads the list. */
    private static Response changed(String message) {
        return Response.ok(render("subscriptions/done.jte", Map.of("message", message)))
                .header(Htmx.TRIGGER, CHANGED)
                .build();
    }

    /** Pairs the repeated form fields row by row, leaving out blank new rows and rows marked for removal. */
    static List<Translation> translations(List<String> locales, List<String> names, List<String> descriptions,
                                          List<String> removed) {
        if (locales.size() != names.size() || locales.size() != descriptions.size()) {
            throw new InvalidInputException("translations", "The form sent " + locales.size() + " locales, "
                    + names.size() + " names and " + descriptions.size() + " descriptions. Reload the page and retry.");
        }
        List<Translation> texts = new ArrayList<>();
        for (int i = 0; i < locales.size(); i++) {
            String locale = locales.get(i);
            boolean blankRow = (locale == null || locale.isBlank()) && names.get(i).isBlank()
                    && descriptions.get(i).isBlank();
            if (blankRow || removed.contains(locale)) {
                continue;
            }
            LocaleCode code = LocaleCode.parse("Language code", locale);
            texts.add(Translation.labelled("Name (" + code + ")", "Description (" + code + ")", code, names.get(i),
                    descriptions.get(i)));
        }
        return texts;
    }

    /** Reads an HTML checkbox, which browsers send as "on" when it is ticked and leave out otherwise. */
    static boolean checked(String value) {
        return value != null && !value.isBlank() && !value.equalsIgnoreCase("false");
    }

    static Long version(String version) {
        if (version == null || version.isBlank()) {
            throw new InvalidInputException("version", "The form lacks the version it was based on. Reload the page and retry.");
        }
        try {
            return Long.parseLong(version.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("version", "version '" + version + "' is not a number. Reload the page and retry.");
        }
    }

    private SubscriptionTypeView require(String id) {
        return SubscriptionTypeIds.parse(id).flatMap(types::find)
                .orElseThrow(() -> new SubscriptionTypeNotFoundException(id));
    }

    static Content render(String template, Map<String, Object> params) {
        return output -> TEMPLATES.render(template, params, output);
    }
}
