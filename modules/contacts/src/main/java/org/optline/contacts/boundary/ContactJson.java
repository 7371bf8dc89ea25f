package org.optline.contacts.boundary;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.optline.contacts.api.ContactPage;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.control.CustomAttributes;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Intercom's contact object of API 2.14, with Optline's {@code phone_line_type} and {@code sms_capable}.
 * Absent values are written as null, as Intercom writes them. Tags, notes and companies are not part
 * of Optline, so they are always empty lists.
 */
@Schema(name = "Contact", description = "A contact in Intercom's shape, with Optline's phone_line_type and sms_capable.")
@JsonbNillable
@JsonbPropertyOrder({"type", "id", "workspaceId", "externalId", "role", "email", "emailDomain", "phone",
        "phoneLineType", "smsCapable", "name", "avatar", "ownerId", "hasHardBounced", "markedEmailAsSpam",
        "unsubscribedFromEmails", "createdAt", "updatedAt", "signedUpAt", "lastSeenAt", "languageOverride",
        "customAttributes", "tags", "notes", "companies"})
public record ContactJson(
        @Schema(enumeration = "contact") String type,
        @Schema(description = "The id, a number as a string.", examples = "42") String id,
        @JsonbProperty("workspace_id") @Schema(description = "The workspace, set by optline.workspace.id.") String workspaceId,
        @JsonbNillable @JsonbProperty("external_id")
        @Schema(nullable = true, description = "The business's own id of the contact, unique.") String externalId,
        @Schema(enumeration = {"user", "lead"}) String role,
        @Schema(nullable = true, description = "In lower case, unique.") String email,
        @JsonbNillable @JsonbProperty("email_domain") @Schema(nullable = true) String emailDomain,
        @Schema(nullable = true, description = "In E.164 form, such as +12015550142.") String phone,
        @JsonbNillable @JsonbProperty("phone_line_type") @Schema(nullable = true, description = "Optline's addition: "
                + "the kind of line of the phone number as libphonenumber reads it, such as mobile, fixed_line or "
                + "fixed_line_or_mobile.") String phoneLineType,
        @JsonbProperty("sms_capable") @Schema(description = "Optline's addition: whether the phone number can take "
                + "texts, so that SMS consent can be given.") boolean smsCapable,
        @Schema(nullable = true) String name,
        @Schema(nullable = true, description = "URL of an image.") String avatar,
        @JsonbNillable @JsonbProperty("owner_id") @Schema(nullable = true) Long ownerId,
        @JsonbProperty("has_hard_bounced") @Schema(description = "Always false in Optline.") boolean hasHardBounced,
        @JsonbProperty("marked_email_as_spam") @Schema(description = "Always false in Optline.") boolean markedEmailAsSpam,
        @JsonbProperty("unsubscribed_from_emails") boolean unsubscribedFromEmails,
        @JsonbProperty("created_at") @Schema(description = "Unix seconds.") long createdAt,
        @JsonbProperty("updated_at") @Schema(description = "Unix seconds.") long updatedAt,
        @JsonbNillable @JsonbProperty("signed_up_at") @Schema(nullable = true, description = "Unix seconds.")
        Long signedUpAt,
        @JsonbNillable @JsonbProperty("last_seen_at") @Schema(nullable = true, description = "Unix seconds.")
        Long lastSeenAt,
        @JsonbNillable @JsonbProperty("language_override")
        @Schema(nullable = true, description = "A language code such as en or pt-BR.") String languageOverride,
        @JsonbNillable @JsonbProperty("custom_attributes")
        @Schema(description = "Names and values: strings, numbers or booleans.") JsonObject customAttributes,
        AttachedList tags,
        AttachedList notes,
        AttachedList companies) {

    /** Intercom's list of objects attached to a contact; Optline's are always empty. */
    @Schema(name = "ContactAttachedList")
    @JsonbPropertyOrder({"type", "data", "url", "totalCount", "hasMore"})
    public record AttachedList(@Schema(required = true, enumeration = "list") String type,
                               @Schema(required = true, description = "Always empty in Optline.") List<Object> data,
                               @Schema(required = true) String url,
                               @JsonbProperty("total_count") long totalCount,
                               @JsonbProperty("has_more") boolean hasMore) {

        static AttachedList empty(String url) {
            return new AttachedList("list", List.of(), url, 0, false);
        }
    }

    /** The response to a delete. */
    @Schema(name = "ContactDeleted")
    @JsonbNillable
    @JsonbPropertyOrder({"type", "id", "externalId", "deleted"})
    public record Deleted(@Schema(enumeration = "contact") String type, String id,
                          @JsonbNillable @JsonbProperty("external_id") @Schema(nullable = true) String externalId,
                          boolean deleted) {
    }

    /** A page of contacts in Intercom's list envelope. */
    @Schema(name = "ContactList")
    @JsonbPropertyOrder({"type", "data", "totalCount", "pages"})
    public record ListJson(@Schema(required = true, enumeration = "list") String type,
                           @Schema(required = true) List<ContactJson> data,
                           @JsonbProperty("total_count") long totalCount, @Schema(required = true) Pages pages) {
    }

    /** The position of a page among all pages. The last page has no {@code next}. */
    @Schema(name = "CursorPages")
    @JsonbPropertyOrder({"type", "page", "perPage", "totalPages", "next"})
    public record Pages(@Schema(required = true, enumeration = "pages") String type, int page,
                        @JsonbProperty("per_page") int perPage, @JsonbProperty("total_pages") long totalPages,
                        @Schema(description = "Absent on the last page.") Next next) {
    }

    /** The request for the next page. */
    @Schema(name = "StartingAfterPaging")
    @JsonbPropertyOrder({"perPage", "startingAfter"})
    public record Next(@JsonbProperty("per_page") int perPage,
                       @JsonbProperty("starting_after") @Schema(required = true, description = "An opaque cursor.")
                       String startingAfter) {
    }

    static ContactJson of(ContactView view, String workspaceId) {
        String id = String.valueOf(view.id());
        String base = "/api/contacts/" + id;
        return new ContactJson("contact", id, workspaceId, view.externalId(), view.role().apiName(), view.email(),
                emailDomain(view.email()), view.phone(),
                view.lineType() == null ? null : view.lineType().name().toLowerCase(Locale.ROOT), view.smsCapable(),
                view.name(), view.avatar(), view.ownerId(), false, false, view.unsubscribedFromEmails(),
                view.createdAt().getEpochSecond(), view.updatedAt().getEpochSecond(), seconds(view.signedUpAt()),
                seconds(view.lastSeenAt()), view.locale(), CustomAttributes.parse(view.customAttributes()),
                AttachedList.empty(base + "/tags"), AttachedList.empty(base + "/notes"),
                AttachedList.empty(base + "/companies"));
    }

    static Deleted deleted(ContactView view) {
        return new Deleted("contact", String.valueOf(view.id()), view.externalId(), true);
    }

    static ListJson list(ContactPage page, String workspaceId) {
        Next next = page.nextCursor().map(cursor -> new Next(page.perPage(), cursor)).orElse(null);
        return new ListJson("list", page.contacts().stream().map(view -> of(view, workspaceId)).toList(),
                page.totalCount(), new Pages("pages", page.page(), page.perPage(), page.totalPages(), next));
    }

    private static String emailDomain(String email) {
        return email == null ? null : email.substring(email.indexOf('@') + 1);
    }

    private static Long seconds(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }
}
