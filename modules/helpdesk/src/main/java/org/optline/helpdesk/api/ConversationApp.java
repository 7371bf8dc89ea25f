package org.optline.helpdesk.api;

import gg.jte.Content;

import java.util.List;
import java.util.Locale;

/**
 * An app that agents insert into conversations, such as the opt-in form. Each app is a CDI bean of
 * its own module; the helpdesk finds them all and renders their parts through them, so it depends on
 * no app module.
 */
public interface ConversationApp {

    /** Returns the app's type, stored in {@link PartView#appType()}, such as {@code optin_form}. */
    String type();

    /** Returns the label of the composer button that inserts the app, such as "Opt-in form". */
    String composerLabel();

    /**
     * Returns the path of the app's composer fragment for one or more conversations, which the inbox
     * loads with htmx, such as {@code /inbox/apps/optin_form?conversation=7&conversation=8}. Inserting
     * from that fragment adds one app part to each of the conversations.
     */
    String composerPath(List<Long> conversationIds);

    /** Renders a part of this app for an agent in the inbox, with its current result. */
    Content agentView(PartView part);

    /** Renders a part of this app for the contact in the messenger, in the contact's locale. */
    Content customerView(PartView part, MessengerVisitor visitor, Locale locale);
}
