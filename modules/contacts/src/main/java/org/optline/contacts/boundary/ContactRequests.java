package org.optline.contacts.boundary;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.optline.contacts.api.ContactChanges;
import org.optline.contacts.api.ContactQuery;
import org.optline.contacts.api.Contacts;
import org.optline.contacts.control.Cursors;
import org.optline.contacts.control.QueryParser;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.optline.platform.Jsons.JSON;

/**
 * Reads the JSON bodies and paging parameters of the contact endpoints. Every wrong value is rejected
 * with the field's name as the API spells it. Unknown fields are ignored, because Intercom's clients
 * send fields that Optline does not store.
 */
final class ContactRequests {

    /** Bodies larger than this are rejected before parsing: 100 custom attributes of 255 characters fit well within it. */
    static final int MAX_BODY_CHARS = 200_000;

    /** The API's field names and the {@link ContactChanges} fields they set. */
    private static final Map<String, String> API_FIELDS = Map.ofEntries(Map.entry("role", "role"),
            Map.entry("external_id", "external_id"), Map.entry("email", "email"), Map.entry("phone", "phone"),
            Map.entry("name", "name"), Map.entry("avatar", "avatar"), Map.entry("owner_id", "owner_id"),
            Map.entry("language_override", "locale"), Map.entry("unsubscribed_from_emails", "unsubscribed_from_emails"),
            Map.entry("custom_attributes", "custom_attributes"), Map.entry("signed_up_at", "signed_up_at"),
            Map.entry("last_seen_at", "last_seen_at"));

    /** The fields of which a new contact needs at least one, so that it can be found again. */
    private static final List<String> IDENTIFYING = List.of("email", "external_id", "phone", "role");

    /** A search: the query and where its page starts. */
    record Search(ContactQuery query, int perPage, String startingAfter) {
    }

    private ContactRequests() {
    }

    /** Reads the body of a create: like an update, but with at least one of email, external_id, phone or role. */
    static ContactChanges creation(String body) {
        JsonObject json = object(body);
        boolean identified = IDENTIFYING.stream()
                .anyMatch(field -> json.containsKey(field) && json.get(field).getValueType() != JsonValue.ValueType.NULL);
        if (!identified) {
            throw new MissingInputException("email", "A contact needs at least one of email, external_id, phone or "
                    + "role. Send for example {\"email\": \"ann@example.com\"} or {\"role\": \"lead\"}.");
        }
        return changes(json);
    }

    /** Reads the body of an update. Fields left out keep their stored values, and fields sent as null are cleared. */
    static ContactChanges changes(String body) {
        return changes(object(body));
    }

    /** Reads a search body: {@code {"query": ..., "pagination": {"per_page": .., "starting_after": ..}}}. */
    static Search search(String body) {
        JsonObject json = object(body);
        JsonValue query = json.get("query");
        if (query == null || query.getValueType() == JsonValue.ValueType.NULL) {
            throw new MissingInputException("query", "query is missing. Send a filter such as {\"field\": \"email\", "
                    + "\"operator\": \"=\", \"value\": \"ann@example.com\"}, or a group with operator AND or OR.");
        }
        ContactQuery parsed = QueryParser.parse(query);
        JsonValue pagination = json.get("pagination");
        if (pagination == null || pagination.getValueType() == JsonValue.ValueType.NULL) {
            return new Search(parsed, Contacts.DEFAULT_PER_PAGE, null);
        }
        if (pagination.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException("pagination", "pagination must be an object with per_page and "
                    + "starting_after.");
        }
        JsonObject paging = pagination.asJsonObject();
        return new Search(parsed, perPage(paging.get("per_page")), cursor(paging.get("starting_after")));
    }

    /** Parses the id in a path; anything that is no positive number matches no contact. */
    static Optional<Long> contactId(String id) {
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        long value = Long.parseLong(id);
        return value > 0 ? Optional.of(value) : Optional.empty();
    }

    /** Reads the {@code per_page} query parameter: 1 to 150, 50 when absent. */
    static int perPage(String text) {
        if (text == null || text.isBlank()) {
            return Contacts.DEFAULT_PER_PAGE;
        }
        try {
            return checkPerPage("per_page", new BigInteger(text.strip()));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("per_page", "per_page '" + text + "' is not a whole number. Use 1 to "
                    + Contacts.MAX_PER_PAGE + ".");
        }
    }

    /** Checks the {@code starting_after} query parameter and returns it, or null when absent. */
    static String startingAfter(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        Cursors.lastId("starting_after", cursor);
        return cursor.strip();
    }

    /**
     * Parses an {@code If-Match} header holding the entity tag this API sends: the version in quotes,
     * optionally weak. Returns null when absent or {@code *}, which skips the version check.
     */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "If-Match '" + ifMatch.strip()
                    + "' is not an entity tag of this API. Send the ETag header of the last GET, such as \"3\".");
        }
    }

    private static ContactChanges changes(JsonObject json) {
        ContactChanges changes = new ContactChanges();
        for (Map.Entry<String, JsonValue> entry : json.entrySet()) {
            String field = API_FIELDS.get(entry.getKey());
            if (field != null) {
                changes.with(field, value(entry.getValue()));
            }
        }
        return changes;
    }

    /**
     * Converts a JSON value to the Java value {@link ContactChanges} takes. Values of the wrong type are
     * passed on as they are, so that the field's own check rejects them under the field's name.
     */
    private static Object value(JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> null;
            case STRING -> ((JsonString) value).getString();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NUMBER -> number((JsonNumber) value);
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<String, JsonValue> entry : value.asJsonObject().entrySet()) {
                    JsonValue.ValueType type = entry.getValue().getValueType();
                    boolean nested = type == JsonValue.ValueType.OBJECT || type == JsonValue.ValueType.ARRAY;
                    map.put(entry.getKey(), nested ? entry.getValue() : value(entry.getValue()));
                }
                yield map;
            }
            case ARRAY -> new ArrayList<>(value.asJsonArray());
        };
    }

    private static Object number(JsonNumber number) {
        if (number.isIntegral()) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                return number.bigDecimalValue();
            }
        }
        return number.bigDecimalValue();
    }

    private static int perPage(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Contacts.DEFAULT_PER_PAGE;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            return checkPerPage("pagination.per_page", number.bigIntegerValue());
        }
        throw new InvalidInputException("pagination.per_page", "pagination.per_page must be a whole number from 1 to "
                + Contacts.MAX_PER_PAGE + ", not " + value + ".");
    }

    private static int checkPerPage(String field, BigInteger perPage) {
        if (perPage.signum() < 1 || perPage.compareTo(BigInteger.valueOf(Contacts.MAX_PER_PAGE)) > 0) {
            throw new InvalidInputException(field, field + " " + perPage + " is out of range. Use 1 to "
                    + Contacts.MAX_PER_PAGE + ".");
        }
        return perPage.intValue();
    }

    private static String cursor(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            if (text.getString().isBlank()) {
                return null;
            }
            Cursors.lastId("pagination.starting_after", text.getString());
            return text.getString().strip();
        }
        throw new InvalidInputException("pagination.starting_after", "pagination.starting_after must be a string: "
                + "the value of pages.next.starting_after from the previous page.");
    }

    private static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw new MissingInputException("body", "The request body is empty. Send a JSON object.");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw new InvalidInputException("body", "The request body has " + body.length()
                    + " characters; the maximum is " + MAX_BODY_CHARS + ".");
        }
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidInputException("body", "The request body is JSON but not an object. Send {...}.");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw new InvalidInputException("body", "The request body is not valid JSON: " + e.getMessage());
        }
    }
}
