package org.optline.messaging.boundary;

import gg.jte.Content;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.optline.messaging.control.OptOutTexts;
import org.optline.messaging.control.inbound.KeywordKind;
import org.optline.messaging.control.inbound.Keywords;
import org.optline.messaging.control.inbound.ReplyTexts;
import org.optline.messaging.control.inbound.SmsSettings;
import org.optline.platform.InvalidInputException;
import org.optline.platform.web.Page;

import java.util.List;
import java.util.Map;

/**
 * The admin page of the SMS program: the settings the answers name, the keyword lists per kind and
 * language, the answer texts per kind and locale, and the opt-out sentence that ends every outbound
 * SMS per locale. Each form posts with htmx and gets the page's content back with a status line.
 */
@Path("admin/sms")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class SmsSettingsPage {

    @Inject
    SmsSettings settings;

    @Inject
    Keywords keywords;

    @Inject
    ReplyTexts replyTexts;

    @Inject
    OptOutTexts optOutTexts;

    @GET
    @Operation(hidden = true)
    public Page show() {
        return new Page("SMS program", "sms", content(null));
    }

    @POST
    @Path("settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Content saveSettings(MultivaluedMap<String, String> form, @Context SecurityContext caller) {
        settings.save(form.getFirst("business_name"), form.getFirst("support_contact"), form.getFirst("message_frequency"),
                form.getFirst("stop_scope"), version(form.getFirst("version")), actor(caller));
        return content("Settings saved.");
    }

    @POST
    @Path("keywords")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Content addKeyword(MultivaluedMap<String, String> form, @Context SecurityContext caller) {
        Keywords.Keyword added = keywords.add(form.getFirst("word"), form.getFirst("kind"), form.getFirst("locale"),
                actor(caller));
        return content(added.word() + " added to the " + added.kind().label().toLowerCase(java.util.Locale.ROOT)
                + " keywords (" + added.locale() + ").");
    }

    @POST
    @Path("keywords/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Content removeKeyword(MultivaluedMap<String, String> form, @Context SecurityContext caller) {
        String word = form.getFirst("word");
        keywords.remove(word, actor(caller));
        return content(word + " removed.");
    }

    @POST
    @Path("replies")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Content saveReply(MultivaluedMap<String, String> form, @Context SecurityContext caller) {
        replyTexts.save(form.getFirst("kind"), form.getFirst("locale"), form.getFirst("text"), actor(caller));
        return content("Text saved.");
    }

    @POST
    @Path("replies/reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Content resetReply(MultivaluedMap<String, String> form, @Context SecurityContext caller) {
        replyTexts.reset(form.getFirst("kind"), form.getFirst("locale"), actor(caller));
        return content("Text reset to the built-in translation.");
    }

    @POST
    @Path("opt-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Content saveOptOutText(MultivaluedMap<String, String> form, @Context SecurityContext caller) {
        optOutTexts.saveWorkspaceText(form.getFirst("locale"), form.getFirst("text"), actor(caller));
        return content("Opt-out text saved.");
    }

    @POST
    @Path("opt-out/reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Content resetOptOutText(MultivaluedMap<String, String> form, @Context SecurityContext caller) {
        optOutTexts.resetWorkspaceText(form.getFirst("locale"), actor(caller));
        return content("Opt-out text reset to the built-in translation.");
    }

    private Content content(String status) {
        List<Keywords.Keyword> words = keywords.list();
        return MessagesPage.render("messages/sms.jte", Map.of("settings", settings.read(), "keywords", words,
                "kinds", List.of(KeywordKind.values()), "replies", replyTexts.list(),
                "optOutTexts", optOutTexts.workspaceTexts(), "status", status == null ? "" : status));
    }

    private static long version(String value) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("version", "The form's version '" + value + "' is not a number. Reload the "
                    + "page and try again.");
        }
    }

    private static String actor(SecurityContext caller) {
        return caller.getUserPrincipal().getName();
    }
}
