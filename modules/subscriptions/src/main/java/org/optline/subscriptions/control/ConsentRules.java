package org.optline.subscriptions.control;

import org.optline.contacts.api.ContactPhone;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentOutcome;
import org.optline.subscriptions.api.ConsentOutcome.RefusalReason;
import org.optline.subscriptions.api.ConsentRequest;
import org.optline.subscriptions.api.ConsentSource;
import org.optline.subscriptions.api.ConsentStateView;
import org.optline.subscriptions.api.ConsentType;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.State;
import org.optline.subscriptions.api.SubscriptionTypeView;

import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.time.format.DateTimeFormatter;

/**
 * Decides whether a consent request is recorded, already true, or refused. Pure: it reads only its
 * arguments, so every rule is tested without a database.
 */
public final class ConsentRules {

    /** The shortest override reason accepted: a word or two is not a reason. */
    public static final int MIN_OVERRIDE_REASON = 10;
    public static final int MAX_OVERRIDE_REASON = 500;

    /** The sources whose opt-ins of a double opt-in type wait for the customer's YES. */
    private static final Set<ConsentSource> SOURCES_NEEDING_CONFIRMATION = EnumSet.of(ConsentSource.FORM, ConsentSource.API,
            ConsentSource.IMPORT);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private ConsentRules() {
    }

    /** A request that passes every rule, with the phone number the event concerns. */
    public record Record(String phone) {
    }

    /**
     * Returns a {@link Record} to append, or the {@link ConsentOutcome} that ends the request.
     *
     * @param type    the subscription type, or null when it does not exist
     * @param contact the contact, or null when it does not exist or is deleted
     * @param current the contact's current explicit state for the type, or null when it has none
     */
    public static Object decide(ConsentRequest request, SubscriptionTypeView type, ContactPhone contact,
                                ConsentStateView current) {
        long contactId = request.contactId();
        if (contact == null) {
            return new ConsentOutcome.Refused(contactId, RefusalReason.CONTACT_NOT_FOUND,
                    "Contact " + contactId + " was not found.");
        }
        if (type == null) {
            return new ConsentOutcome.Refused(contactId, RefusalReason.TYPE_NOT_FOUND,
                    "Subscription type " + request.subscriptionTypeId() + " was not found.");
        }
        boolean sms = type.messageType() == MessageType.SMS;
        boolean optIn = request.action() == ConsentAction.OPT_IN;
        if (optIn && type.state() != State.LIVE) {
            return new ConsentOutcome.Refused(contactId, RefusalReason.TYPE_NOT_LIVE, "Subscription type " + type.id()
                    + " is " + type.state().apiName() + "; contacts can opt in to live types only. "
                    + State.howToMakeLive(type.state()));
        }
        if (optIn && sms && contact.phone() == null) {
            return new ConsentOutcome.Refused(contactId, RefusalReason.NO_PHONE, "Contact " + contactId
                    + " has no phone number, so it cannot opt in to SMS. Add a mobile number first.");
        }
        if (optIn && sms && !contact.smsCapable()) {
            // A number stored without a line type, or with one this version does not know, has none here.
            String number = contact.lineType() == null ? "has no known line type"
                    : "is a " + contact.lineType().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " number that cannot take texts";
            return new ConsentOutcome.Refused(contactId, RefusalReason.NOT_SMS_CAPABLE, "Contact " + contactId
                    + "'s phone number " + number + ", so it cannot opt in to SMS. Add a mobile number.");
        }
        String phone = sms ? contact.phone() : null;
        if (isAlreadySo(request, type, current, phone)) {
            return new ConsentOutcome.AlreadySo(contactId, request.action());
        }
        if (optIn && !request.source().byCustomer() && current != null && current.state() == ConsentAction.OPT_OUT
                && current.source().byCustomer()) {
            String reason = request.overrideReason() == null ? "" : request.overrideReason().strip();
            if (reason.length() < MIN_OVERRIDE_REASON) {
                return new ConsentOutcome.Refused(contactId, RefusalReason.OPTED_OUT_BY_CUSTOMER, "Contact " + contactId
                        + " was opted out by the customer (" + describe(current.source()) + ", "
                        + DAY.format(current.changedAt()) + "). An operator may opt them in again only with an override and a reason of at least "
                        + MIN_OVERRIDE_REASON + " characters, which is recorded.");
            }
        }
        return new Record(phone);
    }

    /**
     * Returns whether an opt-in that passed every rule waits for the customer's YES instead of being
     * recorded: the type asks for double opt-in and the opt-in came from a form, the API or an import,
     * which claim the customer's consent without proving that they hold the number. An admin's toggle or
     * bulk job is recorded at once under the admin's name, and customer sources other than a form (the
     * preference center link, keywords, a YES) come from the number itself.
     */
    public static boolean needsConfirmation(ConsentRequest request, SubscriptionTypeView type) {
        return request.action() == ConsentAction.OPT_IN && type != null && type.doubleOptIn()
                && SOURCES_NEEDING_CONFIRMATION.contains(request.source());
    }

    /**
     * Returns whether the request would change nothing. With no explicit event, the implicit state counts
     * only for operators: a customer's own opt-out is recorded even where nobody had opted them in,
     * because it guards them against a later operator opt-in.
     */
    private static boolean isAlreadySo(ConsentRequest request, SubscriptionTypeView type, ConsentStateView current,
                                       String phone) {
        if (current != null) {
            boolean samePhone = phone == null || phone.equals(current.phone());
            return current.state() == request.action() && (request.action() == ConsentAction.OPT_OUT || samePhone);
        }
        ConsentAction implicit = type.consentType() == ConsentType.OPT_OUT ? ConsentAction.OPT_IN : ConsentAction.OPT_OUT;
        return implicit == request.action() && !request.source().byCustomer();
    }

    static String describe(ConsentSource source) {
        return switch (source) {
            case FORM -> "in an opt-in form";
            case PREFERENCE_CENTER -> "in the preference center";
            case SMS_KEYWORD -> "by text message keyword";
            case SMS_CONFIRMATION -> "by confirming an opt-in by text message";
            case CARRIER -> "as reported by the carrier";
            default -> "by " + source.name().toLowerCase(Locale.ROOT);
        };
    }
}
