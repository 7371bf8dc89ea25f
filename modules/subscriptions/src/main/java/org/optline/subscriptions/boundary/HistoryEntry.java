package org.optline.subscriptions.boundary;

import org.optline.platform.web.LegalText;
import org.optline.subscriptions.api.ConsentEventView;
import org.optline.subscriptions.api.SubscriptionTypeView;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One event of a contact's consent history, with the name of its subscription type.
 *
 * @param typeName the type's default name, or "Subscription type <id>" when the type is unknown
 */
public record HistoryEntry(ConsentEventView event, String typeName) {

    /** Returns the events newest first, each with its type's name. */
    static List<HistoryEntry> newestFirst(List<ConsentEventView> events, List<SubscriptionTypeView> types) {
        Map<Long, String> names = types.stream().collect(Collectors.toMap(SubscriptionTypeView::id,
                type -> type.defaultTranslation().name(), (first, second) -> first));
        return events.stream()
                .sorted(Comparator.comparingInt(ConsentEventView::seq).reversed())
                .map(event -> new HistoryEntry(event, names.getOrDefault(event.subscriptionTypeId(),
                        "Subscription type " + event.subscriptionTypeId())))
                .toList();
    }

    /** Returns the conversation and message the change happened in, such as "conversation 12, message 80", or null. */
    public String conversation() {
        if (event.conversationId() == null && event.messageId() == null) {
            return null;
        }
        if (event.messageId() == null) {
            return "conversation " + event.conversationId();
        }
        return event.conversationId() == null ? "message " + event.messageId()
                : "conversation " + event.conversationId() + ", message " + event.messageId();
    }

    /**
     * Returns the legal text shown to the customer as safe HTML, or null when none was shown. The stored
     * text is sanitized again with the opt-in form's safelist, so it reads as the customer saw it and no
     * stored markup outside that list reaches the admin's page.
     */
    public String legalHtml() {
        if (event.shownText() == null || event.shownText().legalText() == null) {
            return null;
        }
        return LegalText.sanitize(event.shownText().legalText());
    }
}
