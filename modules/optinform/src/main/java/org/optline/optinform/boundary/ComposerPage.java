package org.optline.optinform.boundary;

import gg.jte.Content;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
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
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.optline.contacts.api.Contacts;
import org.optline.helpdesk.api.PartView;
import org.optline.optinform.api.OptInFormApp;
import org.optline.optinform.control.FormContent;
import org.optline.optinform.control.OptInForms;
import org.optline.platform.InvalidInputException;
import org.optline.platform.web.Htmx;
import org.optline.subscriptions.api.SubscriptionTypeView;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The composer of the opt-in form in the agent inbox, in htmx: the fragment with the type, title,
 * button and legal text fields, the preview of the customer's view, and the insert. The app's
 * security constraint limits {@code /inbox/*} to admins and agents, and the CSRF filter checks every POST.
 */
@Path("inbox/apps/" + OptInFormApp.TYPE)
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class ComposerPage {

    /** The htmx event that makes the inbox reload the conversation after an insert. */
    static final String INSERTED = "conversationPartsChanged";

    @Inject
    OptInForms forms;

    @Inject
    Contacts contacts;

    @GET
    @Operation(hidden = true)
    public Content composer(@QueryParam("conversation") List<String> conversations) {
        List<ComposerModel.TypeChoice> choices = forms.choosableTypes().stream()
                .map(type -> new ComposerModel.TypeChoice(type.id(), type.defaultTranslation().name() + " ("
                        + type.messageType().label() + ")"))
                .toList();
        ComposerModel model = new ComposerModel(conversationIds(conversations), choices,
                FormTexts.forLocale(Locale.ENGLISH).get(FormTexts.DEFAULT_BUTTON), FormViews.newIdempotencyKey());
        return FormViews.render("optinform/composer.jte", Map.of("composer", model));
    }

    /**
     * Renders the draft as a customer without a saved number would see it, in English, and says when the
     * button shows the default text, which customers read in their language. Stores nothing.
     */
    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Content preview(@FormParam("subscription_type") String typeId, @FormParam("title") String title,
                           @FormParam("button") String button, @FormParam("legal_text") String legalText) {
        SubscriptionTypeView type = forms.requireLiveType(typeId);
        FormContent content = FormContent.typed(title, button, legalText);
        return FormViews.render("optinform/preview.jte", Map.of(
                "form", FormViews.preview(type, content, FormTexts.forLocale(Locale.ENGLISH), contacts::defaultCountry),
                "defaultButton", content.button().isEmpty()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response insert(@FormParam("conversation") List<String> conversations,
                           @FormParam("subscription_type") String typeId, @FormParam("title") String title,
                           @FormParam("button") String button, @FormParam("legal_text") String legalText,
                           @FormParam("insert_key") String insertKey, @Context SecurityContext caller) {
        List<Long> ids = conversationIds(conversations);
        SubscriptionTypeView type = forms.requireLiveType(typeId);
        FormContent content = FormContent.typed(title, button, legalText);
        List<PartView> parts;
        try {
            parts = forms.insert(type, content, ids, caller.getUserPrincipal().getName(), insertKey);
        } catch (PersistenceException e) {
            // Two requests with one key at the same moment: the unique insert key lets one of them
            // insert, and this one returns what that one inserted.
            parts = forms.findInserted(insertKey, ids).orElseThrow(() -> e);
        }
        String message = "Inserted the opt-in form for \u201C" + type.defaultTranslation().name() + "\u201D into "
                + (parts.size() == 1 ? "the conversation." : parts.size() + " conversations.");
        return Response.ok(FormViews.render("optinform/inserted.jte", Map.of("message", message,
                        "nextInsertKey", FormViews.newIdempotencyKey())))
                .header(Htmx.TRIGGER, INSERTED)
                .build();
    }

    static List<Long> conversationIds(List<String> raw) {
        List<Long> ids = new ArrayList<>();
        for (String value : raw) {
            try {
                ids.add(Long.parseLong(value.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("conversation", "Conversation '" + value.strip()
                        + "' is not an id. Open the form from a conversation.");
            }
        }
        return ids;
    }
}
