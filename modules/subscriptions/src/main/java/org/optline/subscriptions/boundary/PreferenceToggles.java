package org.optline.subscriptions.boundary;

import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;
import org.optline.platform.Texts;
import org.optline.subscriptions.api.ActorKind;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentOutcome;
import org.optline.subscriptions.api.ConsentRefusedException;
import org.optline.subscriptions.api.ConsentRequest;
import org.optline.subscriptions.api.ConsentSource;
import org.optline.subscriptions.api.Evidence;
import org.optline.subscriptions.control.ConsentRules;

/**
 * Decides which consent request an admin's switch on the "Subscription preferences" panel makes, and
 * how the panel responds to the outcome. Pure, so that the override rules are tested without a server.
 */
final class PreferenceToggles {

    private PreferenceToggles() {
    }

    /** The panel's response to a toggle. */
    sealed interface Reply {
    }

    /** The change was recorded, or there was nothing to change: a message, and the panels reload. */
    record Done(String message) implements Reply {
    }

    /**
     * The change was refused for a reason the admin can act on in the row itself: the row shows the
     * message, and the override form when the customer's own opt-out is in the way.
     */
    record Refused(int status, String message, boolean offerOverride) implements Reply {
    }

    /** Reads the state the switch requests: {@code true} for subscribed, {@code false} for not. */
    static boolean subscribed(String value) {
        if (value == null || value.isBlank()) {
            throw new MissingInputException("subscribed", "subscribed is missing. Reload the page and use the switch again.");
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInputException("subscribed", "subscribed '" + value
                    + "' is neither true nor false. Reload the page and use the switch again.");
        };
    }

    /**
     * Returns the request for the admin's switch. Subscribed means an opt-in event for either consent
     * type, because on an opt-out type an opt-in withdraws an earlier opt-out. An override needs both the
     * ticked box and a reason, so that a stray reason never overrides anything, and applies to opting in only.
     *
     * @param override whether the admin ticked "Override the customer's opt-out"
     * @param reason   the typed override reason, or null
     */
    static ConsentRequest request(long contactId, long typeId, boolean subscribed, boolean override, String reason,
                                  String adminEmail, Evidence evidence) {
        ConsentAction action = subscribed ? ConsentAction.OPT_IN : ConsentAction.OPT_OUT;
        ConsentRequest request = ConsentRequest.byOperator(contactId, typeId, action, ConsentSource.ADMIN_TOGGLE,
                ActorKind.ADMIN, adminEmail, evidence);
        boolean hasReason = reason != null && !reason.isBlank();
        if (!override) {
            if (hasReason) {
                throw new InvalidInputException("override", "Tick \u201COverride the customer's opt-out\u201D to "
                        + "confirm the override, or leave the reason empty.");
            }
            return request;
        }
        if (!subscribed) {
            throw new InvalidInputException("override", "An override applies to opting a contact in only. "
                    + "Switch the subscription off without it.");
        }
        return request.withOverride(overrideReason(reason));
    }

    /** Checks the override reason: at least {@value ConsentRules#MIN_OVERRIDE_REASON} characters. */
    static String overrideReason(String reason) {
        String text = Texts.optional("override_reason", reason, ConsentRules.MAX_OVERRIDE_REASON);
        if (text.length() < ConsentRules.MIN_OVERRIDE_REASON) {
            throw new InvalidInputException("override_reason", "The override reason has " + text.length()
                    + " characters; write at least " + ConsentRules.MIN_OVERRIDE_REASON + " that say why the "
                    + "customer's own opt-out is overridden, such as the signed form or recorded call it rests on.");
        }
        return text;
    }

    /**
     * Returns the panel's response to {@code outcome}. Refusals the row cannot help with, such as a
     * contact deleted meanwhile, become the exception that the app shows as an alert.
     */
    static Reply reply(ConsentOutcome outcome, String typeName) {
        return switch (outcome) {
            case ConsentOutcome.Changed changed -> new Done((changed.action() == ConsentAction.OPT_IN
                    ? "Opted in to " : "Opted out of ") + typeName + ", recorded as event " + changed.seq()
                    + " of the contact's consent record.");
            case ConsentOutcome.AlreadySo already -> new Done("Nothing changed: the contact was already "
                    + (already.action() == ConsentAction.OPT_IN ? "subscribed to " : "unsubscribed from ") + typeName + ".");
            case ConsentOutcome.Pending pending -> new Done("Nothing recorded yet: " + typeName + " asks for a YES "
                    + "by text, so the opt-in waits for the customer's reply.");
            case ConsentOutcome.Refused refused -> switch (refused.reason()) {
                case OPTED_OUT_BY_CUSTOMER -> new Refused(409, refused.message(), true);
                case NO_PHONE, NOT_SMS_CAPABLE -> new Refused(400, refused.message(), false);
                default -> throw ConsentRefusedException.of(refused);
            };
        };
    }
}
