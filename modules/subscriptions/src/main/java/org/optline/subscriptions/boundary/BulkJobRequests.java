package org.optline.subscriptions.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.optline.contacts.api.ContactQuery;
import org.optline.contacts.api.Contacts;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;
import org.optline.subscriptions.api.ActorKind;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ContactSelection;
import org.optline.subscriptions.api.NewBulkJob;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads bulk job requests: the API's JSON body and the contacts page's form. Every wrong value is
 * rejected with the field's name as the caller spelled it.
 */
final class BulkJobRequests {

    /** The name of the contacts list's row checkboxes, whose values are contact ids. */
    static final String CONTACT_ID = "contact_id";

    /** Large enough for about 400,000 listed ids; larger selections are better sent as a query. */
    static final int MAX_BODY_CHARS = 5_000_000;

    private BulkJobRequests() {
    }

    /**
     * Reads {@code {"subscription_type_id", "action", "contact_ids" or "query", "override_reason",
     * "expected_count"}}.
     */
    static NewBulkJob fromJson(String body, ActorKind actorKind, String actorId) {
        JsonObject json = SubscriptionTypeRequests.object(body, MAX_BODY_CHARS);
        long typeId = typeId(text(json.get("subscription_type_id"), "subscription_type_id"));
        ConsentAction action = action(text(json.get("action"), "action"), "action");
        boolean listed = present(json, "contact_ids");
        boolean matching = present(json, "query");
        if (listed == matching) {
            throw new InvalidInputException("contact_ids", "Send either contact_ids, a list of contact ids, or query, "
                    + "a contact search such as {\"field\": \"role\", \"operator\": \"=\", \"value\": \"user\"}.");
        }
        ContactSelection selection = listed
                ? new ContactSelection.Listed(contactIds(json.get("contact_ids")))
                : new ContactSelection.Matching(Contacts.parseQuery(json.get("query")));
        String overrideReason = present(json, "override_reason") ? text(json.get("override_reason"), "override_reason") : null;
        return new NewBulkJob(typeId, action, selection, overrideReason, expectedCount(json), actorKind, actorId);
    }

    /**
     * Reads the form of the contacts page's bulk actions: {@code subscription_type_id}, {@code action},
     * {@code scope} ({@code listed} with the checked {@code contact_id} boxes, or {@code matching} with
     * the list's filter parameters), {@code override_reason} and, once confirmed, {@code confirmed_count}.
     *
     * @param listFilter reads the contacts list's filter from the form, as {@code Contacts.listFilter} does
     */
    static NewBulkJob fromForm(Map<String, List<String>> form, String actorId,
                               Function<Map<String, List<String>>, ContactQuery> listFilter) {
        long typeId = typeId(first(form, "subscription_type_id"));
        ConsentAction action = action(first(form, "action"), "action");
        String scope = Optional.ofNullable(first(form, "scope")).orElse("").strip();
        ContactSelection selection = switch (scope) {
            case "listed" -> new ContactSelection.Listed(formContactIds(form));
            case "matching" -> new ContactSelection.Matching(listFilter.apply(form));
            default -> throw new InvalidInputException("scope", "scope '" + scope + "' is unknown. Choose the "
                    + "selected contacts or all contacts that match the filter.");
        };
        String confirmed = first(form, "confirmed_count");
        Integer expectedCount = confirmed == null || confirmed.isBlank() ? null : count(confirmed, "confirmed_count");
        return new NewBulkJob(typeId, action, selection, first(form, "override_reason"), expectedCount,
                ActorKind.ADMIN, actorId);
    }

    static ConsentAction action(String value, String field) {
        String action = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (action) {
            case "opt_in" -> ConsentAction.OPT_IN;
            case "opt_out" -> ConsentAction.OPT_OUT;
            case "" -> throw new MissingInputException(field, field + " is missing. Send opt_in to subscribe the "
                    + "contacts or opt_out to unsubscribe them.");
            default -> throw new InvalidInputException(field, field + " '" + value + "' is unknown. Send opt_in to "
                    + "subscribe the contacts or opt_out to unsubscribe them.");
        };
    }

    private static long typeId(String value) {
        if (value == null || value.isBlank()) {
            throw new MissingInputException("subscription_type_id", "subscription_type_id is missing. Choose a "
                    + "subscription type; GET /api/subscription_types lists them.");
        }
        return SubscriptionTypeIds.parse(value.strip()).orElseThrow(() -> new InvalidInputException(
                "subscription_type_id", "subscription_type_id '" + value + "' is not a subscription type id. "
                + "Send the id of a type, such as \"7\"."));
    }

    private static List<Long> contactIds(JsonValue value) {
        if (!(value instanceof JsonArray array)) {
            throw new InvalidInputException("contact_ids", "contact_ids must be a list of contact ids, such as [\"12\", \"15\"].");
        }
        List<Long> ids = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            ids.add(contactId(text(array.get(i), "contact_ids[" + i + "]"), "contact_ids[" + i + "]"));
        }
        return ids;
    }

    /** Reads the ids of the checked contact boxes, the form's {@code contact_id} values. */
    static List<Long> formContactIds(Map<String, List<String>> form) {
        List<String> values = form.getOrDefault(CONTACT_ID, List.of());
        List<Long> ids = new ArrayList<>(values.size());
        for (String value : values) {
            ids.add(contactId(value, CONTACT_ID));
        }
        return ids;
    }

    private static long contactId(String value, String field) {
        return SubscriptionTypeIds.parse(value == null ? null : value.strip()).orElseThrow(() -> new InvalidInputException(
                field, field + " '" + value + "' is not a contact id. Contact ids are positive whole numbers."));
    }

    private static Integer expectedCount(JsonObject json) {
        return present(json, "expected_count") ? count(text(json.get("expected_count"), "expected_count"), "expected_count") : null;
    }

    private static int count(String value, String field) {
        try {
            int count = Integer.parseInt(value.strip());
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below.
        }
        throw new InvalidInputException(field, field + " '" + value + "' is not a number of contacts. Send a whole "
                + "number from 0 up, or leave it out.");
    }

    /** Reads a JSON string or whole number as text, as Intercom's clients send ids either way. */
    private static String text(JsonValue value, String field) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            return number.bigIntegerValue().toString();
        }
        throw new InvalidInputException(field, field + " must be a string or a whole number, not "
                + value.getValueType().name().toLowerCase(Locale.ROOT) + ".");
    }

    private static boolean present(JsonObject json, String key) {
        return json.containsKey(key) && json.get(key).getValueType() != JsonValue.ValueType.NULL;
    }

    static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
