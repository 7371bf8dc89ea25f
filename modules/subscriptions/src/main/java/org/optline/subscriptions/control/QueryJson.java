package org.optline.subscriptions.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.optline.contacts.api.ContactQuery;

import java.util.List;

import static org.optline.platform.Jsons.JSON;

/**
 * Writes a {@link ContactQuery} in Intercom's query language, the form a bulk job stores its filter in
 * and that {@code Contacts.parseQuery} reads back. {@link ContactQuery.All} has no form in that language,
 * so it is written as {@code id > 0}, which every contact matches.
 */
public final class QueryJson {

    private QueryJson() {
    }

    public static JsonObject write(ContactQuery query) {
        return switch (query) {
            case ContactQuery.All all -> JSON.createObjectBuilder()
                    .add("field", "id").add("operator", ">").add("value", 0).build();
            case ContactQuery.Group group -> group(group);
            case ContactQuery.Condition condition -> condition(condition);
        };
    }

    private static JsonObject group(ContactQuery.Group group) {
        JsonArrayBuilder parts = JSON.createArrayBuilder();
        for (ContactQuery part : group.parts()) {
            parts.add(write(part));
        }
        return JSON.createObjectBuilder().add("operator", group.and() ? "AND" : "OR").add("value", parts).build();
    }

    private static JsonObject condition(ContactQuery.Condition condition) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("field", condition.field())
                .add("operator", condition.operator().symbol());
        return json.add("value", value(condition.value())).build();
    }

    private static JsonValue value(Object value) {
        return switch (value) {
            case null -> JsonValue.NULL;
            case String text -> JSON.createValue(text);
            case Long number -> JSON.createValue(number);
            case Integer number -> JSON.createValue(number);
            case Double number -> JSON.createValue(number);
            case Boolean flag -> flag ? JsonValue.TRUE : JsonValue.FALSE;
            case List<?> list -> {
                JsonArrayBuilder array = JSON.createArrayBuilder();
                list.forEach(item -> array.add(value(item)));
                yield array.build();
            }
            default -> throw new IllegalArgumentException("A search value of type " + value.getClass().getName()
                    + " cannot be written as JSON; use a String, Long, Double, Boolean, null or a List of those.");
        };
    }
}
