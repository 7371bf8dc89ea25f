package org.optline.messaging.boundary;

import org.optline.platform.SmsCounter;
import org.optline.segments.api.AudiencePreview;
import org.optline.segments.api.ExclusionReason;

import java.util.Map;

/**
 * What the compose page shows while the admin types: the size of the final text and the audience.
 *
 * @param sampleText the message as a contact without any attribute would read it, with the opt-out text
 *                   and a link of the real length; null when the body is invalid
 * @param error      why the body or the type cannot be sent, or null
 * @param preview    the audience, or null without a valid type
 */
public record ComposeCheck(String sampleText, SmsCounter.Count count, String error, AudiencePreview preview) {

    public static String reasonLabel(ExclusionReason reason) {
        return switch (reason) {
            case NO_PHONE -> "No phone number";
            case INVALID_NUMBER -> "Invalid number";
            case LANDLINE -> "Landline";
            case NUMBER_BLOCKED -> "Number texted STOP (or carrier opt-out)";
            case NOT_OPTED_IN -> "Not opted in";
            case OPTED_OUT -> "Opted out";
            case TYPE_NOT_LIVE -> "Subscription type not live";
            case DUPLICATE_NUMBER -> "Shares a number with another recipient";
        };
    }

    public Map<ExclusionReason, Long> excluded() {
        return preview == null ? Map.of() : preview.excluded();
    }
}
