package org.optline.messaging.control.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.Contacts;
import org.optline.messaging.control.notices.NoticeKind;
import org.optline.messaging.control.notices.Notices;
import org.optline.subscriptions.api.OptInConfirmationRequested;
import org.optline.subscriptions.api.SubscriptionTypes;

import java.util.Locale;
import java.util.Map;

/**
 * Queues the text that asks a customer to reply YES to a pending double opt-in. It observes the event
 * inside the transaction that stored the pending opt-in, so the request and its text commit together.
 */
@ApplicationScoped
public class DoubleOptInNotices {

    @Inject
    Notices notices;

    @Inject
    ReplyTexts replyTexts;

    @Inject
    Contacts contacts;

    @Inject
    SubscriptionTypes types;

    void queue(@Observes OptInConfirmationRequested request) {
        String locale = contacts.find(request.contactId()).map(ContactView::locale).map(DoubleOptInNotices::language)
                .filter(ReplyTexts::supported).orElse("en");
        String subscription = types.find(request.subscriptionTypeId())
                .map(type -> type.translationFor(Locale.forLanguageTag(locale)).name())
                .orElse("");
        String body = replyTexts.render(ReplyKind.DOUBLE_OPT_IN, locale, Map.of("subscription", subscription));
        notices.enqueue(new Notices.Notice(NoticeKind.DOUBLE_OPT_IN, request.phone(), request.contactId(), body, null, null));
    }

    private static String language(String locale) {
        int dash = locale.indexOf('-');
        return (dash < 0 ? locale : locale.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
