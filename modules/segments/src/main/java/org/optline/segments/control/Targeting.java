package org.optline.segments.control;

import org.optline.contacts.api.LineType;
import org.optline.segments.api.ExclusionReason;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentType;

import java.util.Optional;

/**
 * The targeting rule of an SMS send under a subscription type: who of a segment may be texted, and
 * for everyone else the first {@link ExclusionReason} that applies, in the enum's order. Pure, so
 * every case is tested without a database.
 *
 * <ul>
 *   <li>The contact needs a number with a known line type that can take texts.</li>
 *   <li>An opt-in type needs an explicit opt-in for the contact's current number, because consent
 *       does not follow a contact to a new number.</li>
 *   <li>An opt-out type counts every contact until an explicit opt-out, whatever number it was
 *       recorded for.</li>
 *   <li>A number that texted STOP, or whose carrier reported an opt-out, gets nothing until it texts
 *       START, whatever the contact's consent.</li>
 *   <li>Only a live type may be sent under.</li>
 *   <li>A send texts each number once: of the reachable contacts that share a number, the one with the
 *       lowest id gets the message, because a send claims its recipients in ascending id order.</li>
 * </ul>
 */
public final class Targeting {

    private Targeting() {
    }

    /**
     * The facts about a contact that the rule reads, as the audience query groups them.
     *
     * @param hasPhone        whether the contact has a phone number
     * @param lineType        the stored line type, or null when the number was stored without one
     * @param state           the contact's explicit state for the type, or null when it has none
     * @param consentForPhone whether the explicit state was recorded for the contact's current number
     * @param numberBlocked   whether the contact's number is blocked because it texted STOP or its carrier
     *                        reported an opt-out
     * @param earlierSameNumber whether a reachable contact of the audience with a lower id has the same number
     */
    public record Contact(boolean hasPhone, LineType lineType, ConsentAction state, boolean consentForPhone,
                          boolean numberBlocked, boolean earlierSameNumber) {

        /** Creates a contact whose number is neither blocked nor shared with an earlier reachable contact. */
        public Contact(boolean hasPhone, LineType lineType, ConsentAction state, boolean consentForPhone) {
            this(hasPhone, lineType, state, consentForPhone, false, false);
        }
    }

    /**
     * Returns why {@code contact} is left out of a send under a type of {@code consentType}, or empty
     * when it is reachable.
     *
     * @param typeLive whether the type is live now
     */
    public static Optional<ExclusionReason> exclusion(Contact contact, ConsentType consentType, boolean typeLive) {
        if (!contact.hasPhone()) {
            return Optional.of(ExclusionReason.NO_PHONE);
        }
        if (contact.lineType() == null) {
            return Optional.of(ExclusionReason.INVALID_NUMBER);
        }
        if (!contact.lineType().smsCapable()) {
            return Optional.of(ExclusionReason.LANDLINE);
        }
        if (contact.numberBlocked()) {
            return Optional.of(ExclusionReason.NUMBER_BLOCKED);
        }
        boolean optedIn = contact.state() == ConsentAction.OPT_IN && contact.consentForPhone();
        if (consentType == ConsentType.OPT_IN && contact.state() != ConsentAction.OPT_OUT && !optedIn) {
            return Optional.of(ExclusionReason.NOT_OPTED_IN);
        }
        if (contact.state() == ConsentAction.OPT_OUT) {
            return Optional.of(ExclusionReason.OPTED_OUT);
        }
        if (!typeLive) {
            return Optional.of(ExclusionReason.TYPE_NOT_LIVE);
        }
        if (contact.earlierSameNumber()) {
            return Optional.of(ExclusionReason.DUPLICATE_NUMBER);
        }
        return Optional.empty();
    }
}
