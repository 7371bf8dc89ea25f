package org.optline.messaging.boundary;

import org.optline.platform.SmsCounter;
import org.optline.segments.api.AudiencePreview;
import org.optline.segments.api.ExclusionReason;

import java.util.List;
import java.util.Map;

/**
 * What the compose page shows while the admin types: the size of the final text and the audience.
 *
 * @param sampleText    the message with the opt-out text and a sample link of the real length, as the
 *                      first contact of the audience sample reads it (without a sample, as a contact
 *                      without attributes reads it). Null when the body is empty or invalid.
 * @param count         the size of the final text, always with the opt-out text and the link
 * @param sizeNote      what the size leaves uncertain, or null when it is exact for the sample
 * @param errors        why the body or the type cannot be sent; empty when both can
 * @param preview       the audience, or null without a valid type
 * @param previewLocale the locale in which the admin preview of the preference center opens
 */
public record ComposeCheck(String sampleText, SmsCounter.Count count, String sizeNote, List<String> errors,
                           AudiencePreview preview, String previewLocale) {

    public ComposeCheck {
        errors = List.copyOf(errors);
    }

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
