package org.optline.subscriptions.boundary;

import org.optline.subscriptions.api.BulkItemOutcome;
import org.optline.subscriptions.api.BulkJobItemPage;
import org.optline.subscriptions.api.BulkJobItemView;

import java.util.Locale;
import java.util.Map;

/**
 * One page of a bulk job's per-contact report.
 *
 * @param outcome       the outcome the report is filtered by, or null for all
 * @param contactLabels a name or email per contact id on this page, where the contact still exists
 */
public record BulkReportModel(long jobId, BulkJobItemPage page, BulkItemOutcome outcome,
                              Map<Long, String> contactLabels) {

    public BulkReportModel {
        contactLabels = Map.copyOf(contactLabels);
    }

    /** Returns the value of the outcome filter for links and the filter's select box. */
    public String outcomeValue() {
        return outcome == null ? "all" : outcome.name().toLowerCase(Locale.ROOT);
    }

    public String label(BulkJobItemView item) {
        return contactLabels.getOrDefault(item.contactId(), "Contact " + item.contactId() + " (deleted)");
    }

    public static String outcomeLabel(BulkItemOutcome outcome) {
        return switch (outcome) {
            case PENDING -> "Pending";
            case CHANGED -> "Changed";
            case ALREADY -> "Already so";
            case REFUSED -> "Refused";
        };
    }

    public static String outcomeBadge(BulkItemOutcome outcome) {
        return switch (outcome) {
            case PENDING -> "text-bg-light";
            case CHANGED -> "text-bg-success";
            case ALREADY -> "text-bg-secondary";
            case REFUSED -> "text-bg-warning";
        };
    }

    /** Returns the address of another page of this report, with the same filter. */
    public String pageLink(int number) {
        return "/admin/bulk-jobs/" + jobId + "/items?outcome=" + outcomeValue() + "&page=" + number;
    }

    public boolean hasPrevious() {
        return page.page() > 1;
    }

    public boolean hasNext() {
        return page.page() < page.pageCount();
    }
}
