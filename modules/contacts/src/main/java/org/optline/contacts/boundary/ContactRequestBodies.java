package org.optline.contacts.boundary;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The JSON bodies that the contact endpoints accept, as the OpenAPI document describes them.
 * {@link ContactRequests} reads the bodies with JSON-P and never builds these records; keep both in step.
 */
final class ContactRequestBodies {

    private ContactRequestBodies() {
    }

    /** The body of creating or updating a contact. */
    @Schema(name = "ContactRequest", description = "The fields of a contact. A create needs at least one of email, "
            + "external_id, phone or role. An update changes the fields sent: a field sent as null is cleared, "
            + "custom_attributes are merged, and a custom attribute sent as null is removed. Unknown fields are "
            + "ignored.")
    record Contact(
            @Schema(nullable = true, enumeration = {"user", "lead"}, description = "user when left out or null.")
            String role,
            @JsonbProperty("external_id") @Schema(nullable = true, description = "The business's own id of the "
                    + "contact, unique; at most 255 characters.") String externalId,
            @Schema(nullable = true, description = "Unique, stored in lower case.") String email,
            @Schema(nullable = true, description = "Read in the workspace's default country unless it starts with "
                    + "+, 00 or 011, and stored in E.164. A number that is not valid is rejected.") String phone,
            @Schema(nullable = true, description = "At most 255 characters.") String name,
            @Schema(nullable = true, description = "An http or https URL of an image.") String avatar,
            @JsonbProperty("owner_id") @Schema(nullable = true, description = "A whole number; the same number as a "
                    + "string is also accepted.") Long ownerId,
            @JsonbProperty("language_override") @Schema(nullable = true, description = "A language code such as en "
                    + "or pt-BR.") String languageOverride,
            @JsonbProperty("unsubscribed_from_emails") @Schema(nullable = true) Boolean unsubscribedFromEmails,
            @JsonbProperty("custom_attributes") @Schema(nullable = true, description = "Names and values: strings, "
                    + "numbers, booleans, or null to remove an attribute.") JsonObject customAttributes,
            @JsonbProperty("signed_up_at") @Schema(nullable = true, description = "Unix seconds.") Long signedUpAt,
            @JsonbProperty("last_seen_at") @Schema(nullable = true, description = "Unix seconds.") Long lastSeenAt) {
    }

    /** The body of a contact search. */
    @Schema(name = "ContactSearch")
    record Search(@Schema(required = true) Query query, Pagination pagination) {
    }

    /** A filter or a group of filters in Intercom's query language. */
    @Schema(name = "SearchQuery", description = "Either a filter {field, operator, value} or a group {operator: AND "
            + "or OR, value: [filters or groups]}, nested at most two levels, with at most 15 filters a group. "
            + "Fields: id, role, name, email, phone (any spelling of a number matches its E.164 form), external_id, "
            + "created_at, updated_at, signed_up_at, last_seen_at (Unix seconds), custom_attributes.<name>, and "
            + "Optline's subscription_type.<id> with opted_in, opted_out or not_set.")
    record Query(
            @Schema(description = "The contact field of a filter. Absent in a group.") String field,
            @Schema(required = true, enumeration = {"=", "!=", "IN", "NIN", "<", "<=", ">", ">=", "~", "!~", "^", "$",
                    "AND", "OR"}, description = "A comparison for a filter, AND or OR for a group.") String operator,
            @Schema(required = true, description = "What a filter compares with: a string, number, boolean or null, "
                    + "or a list of them for IN and NIN. The list of filters and groups in a group.") Object value) {
    }

    /** Which page of the results to return. */
    @Schema(name = "SearchPagination")
    record Pagination(@JsonbProperty("per_page") @Schema(description = "1 to 150; 50 when left out.") Integer perPage,
                      @JsonbProperty("starting_after") @Schema(description = "pages.next.starting_after of the "
                              + "previous page.") String startingAfter) {
    }

    /** Lists the request bodies, for {@link ContactApiSchemas}. */
    static List<Class<? extends Record>> records() {
        return List.of(Contact.class, Search.class);
    }
}
