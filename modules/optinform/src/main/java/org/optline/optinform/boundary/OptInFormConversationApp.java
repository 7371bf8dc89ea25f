package org.optline.optinform.boundary;

import gg.jte.Content;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.Contacts;
import org.optline.helpdesk.api.ConversationApp;
import org.optline.helpdesk.api.MessengerVisitor;
import org.optline.helpdesk.api.PartView;
import org.optline.optinform.api.OptInFormApp;
import org.optline.optinform.control.FormDetails;
import org.optline.optinform.control.FormNotFoundException;
import org.optline.optinform.control.FormSubmissions;
import org.optline.optinform.control.OptInForms;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The opt-in form's implementation of the helpdesk's app interface: its composer button, and its parts for agents and customers. */
@ApplicationScoped
public class OptInFormConversationApp implements ConversationApp {

    @Inject
    OptInForms forms;

    @Inject
    FormSubmissions submissions;

    @Inject
    Contacts contacts;

    @Override
    public String type() {
        return OptInFormApp.TYPE;
    }

    @Override
    public String composerLabel() {
        return "Opt-in form";
    }

    @Override
    public String composerPath(List<Long> conversationIds) {
        return "/inbox/apps/" + OptInFormApp.TYPE + "?" + conversationIds.stream()
                .map(id -> "conversation=" + id)
                .collect(Collectors.joining("&"));
    }

    @Override
    public Content agentView(PartView part) {
        Optional<FormDetails> form = part.appRef() == null ? Optional.empty() : forms.find(part.appRef());
        if (form.isEmpty()) {
            return FormViews.render("optinform/missing.jte", Map.of("text", "This opt-in form was not found."));
        }
        return FormViews.render("optinform/agent.jte", Map.of("form", FormViews.agent(form.get())));
    }

    /**
     * Renders the form, or its confirmation, for the visitor. A part whose form is another contact's
     * renders as unavailable, without any of its texts.
     */
    @Override
    public Content customerView(PartView part, MessengerVisitor visitor, Locale locale) {
        FormTexts texts = FormTexts.forLocale(locale);
        Optional<ContactView> contact = contacts.find(visitor.contactId());
        if (part.appRef() == null || contact.isEmpty()) {
            return unavailable(texts);
        }
        try {
            FormDetails form = submissions.requireOwnForm(part.appRef(), visitor.contactId());
            return FormViews.render("optinform/customer.jte", Map.of("form",
                    FormViews.customer(form, contact.get(), texts, contacts::defaultCountry, null, null)));
        } catch (FormNotFoundException e) {
            return unavailable(texts);
        }
    }

    private static Content unavailable(FormTexts texts) {
        return FormViews.render("optinform/missing.jte", Map.of("text", texts.get("form.unavailable")));
    }
}
