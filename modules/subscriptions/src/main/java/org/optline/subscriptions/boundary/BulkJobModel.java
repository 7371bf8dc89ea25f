package org.optline.subscriptions.boundary;

import org.optline.subscriptions.api.BulkJobState;
import org.optline.subscriptions.api.BulkJobView;
import org.optline.subscriptions.api.ConsentAction;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A bulk job as its pages show it.
 *
 * @param typeName the subscription type's default name, or its id when the type cannot be read
 */
public record BulkJobModel(BulkJobView job, String typeName) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String actionLabel() {
        return job.action() == ConsentAction.OPT_IN ? "Subscribe" : "Unsubscribe";
    }

    public String stateLabel() {
        return switch (job.state()) {
            case QUEUED -> "Queued";
            case RUNNING -> "Running";
            case DONE -> "Done";
            case FAILED -> "Failed";
        };
    }

    /** Returns the Bootstrap badge class of the state. */
    public String stateBadge() {
        return switch (job.state()) {
            case QUEUED -> "text-bg-secondary";
            case RUNNING -> "text-bg-primary";
            case DONE -> "text-bg-success";
            case FAILED -> "text-bg-danger";
        };
    }

    /** Returns whether the page should keep refreshing the job's progress. */
    public boolean live() {
        return !job.state().finished();
    }

    public boolean failed() {
        return job.state() == BulkJobState.FAILED;
    }

    /** Returns the state and progress, such as "Running: 5,000 of 20,000 contacts (25%)". */
    public String statusText() {
        return stateLabel() + ": " + progressText();
    }

    public String progressText() {
        return number(job.processedCount()) + " of " + number(job.totalCount()) + " contacts (" + job.percentDone() + "%)";
    }

    /** Returns a number with thousands separators, such as 20,000. */
    public static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Returns a time in UTC, or a dash for none. */
    public static String time(Instant instant) {
        return instant == null ? "\u2013" : TIME.format(instant);
    }
}
