package org.optline.subscriptions.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.optline.subscriptions.api.BulkJobItemPage;
import org.optline.subscriptions.api.BulkJobItemView;
import org.optline.subscriptions.api.BulkJobView;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A bulk consent job in the API, in the snake_case style of Intercom's objects: ids as strings, times in
 * Unix seconds, enum values in lower case. {@code query} is the search the contacts were chosen by, in
 * Intercom's query language, or null for contacts listed by id.
 */
@JsonbPropertyOrder({"type", "id", "subscriptionTypeId", "action", "state", "selection", "query", "overrideReason",
        "createdBy", "createdAt", "startedAt", "finishedAt", "totalCount", "processedCount", "changedCount",
        "alreadyCount", "refusedCount", "failure"})
public record BulkJobJson(
        String type, String id, @JsonbProperty("subscription_type_id") String subscriptionTypeId, String action,
        String state, String selection, JsonObject query, @JsonbProperty("override_reason") String overrideReason,
        @JsonbProperty("created_by") String createdBy, @JsonbProperty("created_at") long createdAt,
        @JsonbProperty("started_at") Long startedAt, @JsonbProperty("finished_at") Long finishedAt,
        @JsonbProperty("total_count") int totalCount, @JsonbProperty("processed_count") int processedCount,
        @JsonbProperty("changed_count") int changedCount, @JsonbProperty("already_count") int alreadyCount,
        @JsonbProperty("refused_count") int refusedCount, String failure) {

    /** Intercom's list envelope, for the recent jobs. */
    @JsonbPropertyOrder({"type", "data"})
    public record ListJson(String type, List<BulkJobJson> data) {
    }

    /** The outcome for one contact of the job. */
    @JsonbPropertyOrder({"type", "contactId", "position", "outcome", "refusalReason", "refusalMessage", "processedAt"})
    public record ItemJson(String type, @JsonbProperty("contact_id") String contactId, int position, String outcome,
                           @JsonbProperty("refusal_reason") String refusalReason,
                           @JsonbProperty("refusal_message") String refusalMessage,
                           @JsonbProperty("processed_at") Long processedAt) {
    }

    /** One page of the per-contact report. */
    @JsonbPropertyOrder({"type", "data", "totalCount", "page", "perPage", "totalPages"})
    public record ItemListJson(String type, List<ItemJson> data, @JsonbProperty("total_count") long totalCount,
                               int page, @JsonbProperty("per_page") int perPage,
                               @JsonbProperty("total_pages") int totalPages) {
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
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
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
