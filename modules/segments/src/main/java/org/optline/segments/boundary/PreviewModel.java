package org.optline.segments.boundary;

import org.optline.contacts.api.ContactView;
import org.optline.segments.api.AudiencePreview;
import org.optline.segments.api.ExclusionReason;
import org.optline.segments.api.SegmentView;
import org.optline.subscriptions.api.SubscriptionTypeView;

import java.util.Arrays;
import java.util.List;

/**
 * The audience preview fragment: who a send under {@code type} to {@code segment} reaches, and why the
 * others are left out.
 *
 * @param segment the segment, or null for all contacts
 * @param sample  the sampled reachable contacts that still exist
 */
public record PreviewModel(SubscriptionTypeView type, SegmentView segment, AudiencePreview preview, List<ContactView> sample) {

    public PreviewModel {
        sample = List.copyOf(sample);
    }

    /** One row of the exclusion table. */
    public record Exclusion(ExclusionReason reason, String label, long count) {
    }

    /** Returns every reason in the rule's order with its count, zero included, so the table always has the same rows. */
    public List<Exclusion> exclusions() {
        return Arrays.stream(ExclusionReason.values())
                .map(reason -> new Exclusion(reason, label(reason), preview.excluded().getOrDefault(reason, 0L)))
                .toList();
    }

    public String audienceName() {
        return segment == null ? "All contacts" : segment.name();
    }

    static String label(ExclusionReason reason) {
        return switch (reason) {
            case NO_PHONE -> "No phone number";
            case INVALID_NUMBER -> "Invalid number";
            case LANDLINE -> "Landline or other number that cannot take texts";
            case NUMBER_BLOCKED -> "Number texted STOP (or carrier opt-out)";
            case NOT_OPTED_IN -> "Not opted in";
            case OPTED_OUT -> "Opted out";
            case TYPE_NOT_LIVE -> "Subscription type not live";
            case DUPLICATE_NUMBER -> "Shares a number with another recipient";
        };
    }
}
