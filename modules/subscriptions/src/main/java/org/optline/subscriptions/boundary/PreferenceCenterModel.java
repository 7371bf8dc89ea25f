package org.optline.subscriptions.boundary;

import org.optline.subscriptions.api.ConsentSource;
import org.optline.subscriptions.api.ConsentType;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.Translation;

import java.util.List;
import java.util.Locale;

/**
 * The SMS preference center as a customer sees it, rendered by {@code preferences/center.jte} both for
 * customers at {@code /p/{token}} and in the admin preview.
 *
 * @param businessName  the business that sends the messages, named in the introduction
 * @param items         the live SMS subscription types, in the customer's language where translated
 * @param formAction    where the form posts to; in the admin preview a harmless reload of the preview
 * @param formMethod    {@code post} for customers, {@code get} in the preview, which must change nothing
 * @param formToken     the form token that a customer's post must carry, or null in the preview
 * @param status        the outcome of the customer's last post to show above the form, or null
 * @param startNeeded   the source of an SMS opt-out that only texting START to the sender undoes (SMS_KEYWORD
 *                      or CARRIER), so that the page says so, or null
 */
public record PreferenceCenterModel(CustomerTexts texts, String businessName, List<Item> items,
                                    String formAction, String formMethod, String formToken, Status status,
                                    ConsentSource startNeeded) {

    /** Returns the model of the admin preview, whose form only reloads the preview. */
    static PreferenceCenterModel preview(CustomerTexts texts, String businessName, List<Item> items) {
        return new PreferenceCenterModel(texts, businessName, items, "/admin/subscriptions/preview", "get", null,
                null, null);
    }

    /** Returns the text key of the notice that tells the customer to text START, or null for no notice. */
    public String startNoticeKey() {
        if (startNeeded == null) {
            return null;
        }
        return startNeeded == ConsentSource.CARRIER ? "preferences.carrier_start" : "preferences.keyword_start";
    }

    /**
     * One subscription type in the list.
     *
     * @param subscribed whether the switch is on: for a contact, the current state; in the preview, the
     *                   state of a contact who never chose (on for opt-out types, off for opt-in types)
     */
    public record Item(long id, String name, String description, boolean subscribed) {

        /** Returns the item of {@code type} in the translation for {@code locale}. */
        static Item of(SubscriptionTypeView type, Locale locale, boolean subscribed) {
            Translation text = type.translationFor(locale);
            return new Item(type.id(), text.name(), text.description(), subscribed);
        }

        /** Returns the item as a contact who never chose sees it. */
        static Item unchosen(SubscriptionTypeView type, Locale locale) {
            return of(type, locale, type.consentType() == ConsentType.OPT_OUT);
        }
    }

    /**
     * A translated message about the last post.
     *
     * @param problem whether something was not saved, shown as an alert rather than a status
     */
    public record Status(String message, boolean problem) {
    }
}
