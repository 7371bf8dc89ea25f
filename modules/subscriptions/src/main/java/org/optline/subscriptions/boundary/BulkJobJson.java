package org.optline.subscriptions.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.optline.subscriptions.api.BulkJobItemPage;
import org.optline.subscriptions.api.BulkJobItemView;
import org.optline.subscriptions.api.BulkJobView;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.optline.platform.Jsons.JSON;

/**
 * A bulk consent job in the API, in the snake_case style of Intercom's objects: ids as strings, times in
 * Unix seconds, enum values in lower case. {@code query} is the search the contacts were chosen by, in
 * Intercom's query language, or null for contacts listed by id.
 */
@Schema(name = "BulkConsentJob", description = "A background job that opts many contacts in to or out of one "
        + "subscription type.")
@JsonbPropertyOrder({"type", "id", "subscriptionTypeId", "action", "state", "selection", "query", "overrideReason",
        "createdBy", "createdAt", "startedAt", "finishedAt", "totalCount", "processedCount", "changedCount",
        "alreadyCount", "refusedCount", "failure"})
public record BulkJobJson(
        @Schema(required = true, enumeration = "bulk_consent_job") String type,
        @Schema(required = true, description = "The id, a number as a string.") String id,
        @JsonbProperty("subscription_type_id") @Schema(required = true) String subscriptionTypeId,
        @Schema(required = true, enumeration = {"opt_in", "opt_out"}) String action,
        @Schema(required = true, enumeration = {"queued", "running", "done", "failed"}) String state,
        @Schema(required = true, description = "listed for contacts chosen by id, matching for contacts chosen "
                + "by a search.", enumeration = {"listed", "matching"}) String selection,
        @Schema(description = "The contact search the contacts were chosen by. Absent for listed contacts.")
        JsonObject query,
        @JsonbProperty("override_reason") @Schema(description = "Why contacts who opted out themselves may be "
                + "opted in again. Absent when not given.") String overrideReason,
        @JsonbProperty("created_by") @Schema(required = true, description = "The admin or API token that started "
                + "the job.") String createdBy,
        @JsonbProperty("created_at") @Schema(description = "Unix seconds.") long createdAt,
        @JsonbProperty("started_at") @Schema(description = "Unix seconds. Absent while queued.") Long startedAt,
        @JsonbProperty("finished_at") @Schema(description = "Unix seconds. Absent until done or failed.") Long finishedAt,
        @JsonbProperty("total_count") int totalCount, @JsonbProperty("processed_count") int processedCount,
        @JsonbProperty("changed_count") int changedCount, @JsonbProperty("already_count") int alreadyCount,
        @JsonbProperty("refused_count") int refusedCount,
        @Schema(description = "Why the job failed. Absent unless the state is failed.") String failure) {

    /** Intercom's list envelope, for the recent jobs. */
    @Schema(name = "BulkConsentJobList")
    @JsonbPropertyOrder({"type", "data"})
    public record ListJson(@Schema(required = true, enumeration = "list") String type,
                           @Schema(required = true) List<BulkJobJson> data) {
    }

    /** The outcome for one contact of the job. */
    @Schema(name = "BulkConsentItem")
    @JsonbPropertyOrder({"type", "contactId", "position", "outcome", "refusalReason", "refusalMessage", "processedAt"})
    public record ItemJson(@Schema(required = true, enumeration = "bulk_consent_item") String type,
                           @JsonbProperty("contact_id") @Schema(required = true) String contactId,
                           @Schema(description = "The contact's place in processing order, from 1.") int position,
                           @Schema(required = true, enumeration = {"pending", "changed", "already", "refused"})
                           String outcome,
                           @JsonbProperty("refusal_reason") @Schema(description = "Why the contact was refused, "
                                   + "such as opted_out_by_customer or not_sms_capable. Absent unless refused.")
                           String refusalReason,
                           @JsonbProperty("refusal_message") @Schema(description = "The refusal in words. Absent "
                                   + "unless refused.") String refusalMessage,
                           @JsonbProperty("processed_at") @Schema(description = "Unix seconds. Absent while pending.")
                           Long processedAt) {
    }

    /** One page of the per-contact report. */
    @Schema(name = "BulkConsentItemList")
    @JsonbPropertyOrder({"type", "data", "totalCount", "page", "perPage", "totalPages"})
    public record ItemListJson(@Schema(required = true, enumeration = "list") String type,
                               @Schema(required = true) List<ItemJson> data,
                               @JsonbProperty("total_count") long totalCount, int page,
                               @JsonbProperty("per_page") int perPage, @JsonbProperty("total_pages") int totalPages) {
    }

    static BulkJobJson of(BulkJobView job) {
        return new BulkJobJson("bulk_consent_job", String.valueOf(job.id()), String.valueOf(job.subscriptionTypeId()),
                lower(job.action().name()), lower(job.state().name()), lower(job.selection()), query(job.queryJson()),
                job.overrideReason(), job.createdBy(), job.createdAt().getEpochSecond(), seconds(job.startedAt()),
                seconds(job.finishedAt()), job.totalCount(), job.processedCount(), job.changedCount(),
                job.alreadyCount(), job.refusedCount(), job.failure());
    }

    static ListJson list(List<BulkJobView> jobs) {
        return new ListJson("list", jobs.stream().map(BulkJobJson::of).toList());
    }

    static ItemListJson items(BulkJobItemPage page) {
        return new ItemListJson("list", page.items().stream().map(BulkJobJson::item).toList(), page.totalCount(),
                page.page(), page.perPage(), page.pageCount());
    }

    private static ItemJson item(BulkJobItemView item) {
        return new ItemJson("bulk_consent_item", String.valueOf(item.contactId()), item.position(),
                lower(item.outcome().name()), item.refusalReason() == null ? null : lower(item.refusalReason().name()),
                item.refusalMessage(), seconds(item.processedAt()));
    }

    private static JsonObject query(String json) {
        if (json == null) {
            return null;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static Long seconds(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }
}
