package org.optline.contacts.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.optline.contacts.api.ContactQuery;

import java.math.BigDecimal;
import java.util.List;

import static org.optline.platform.Jsons.JSON;

/**
 * Writes a {@link ContactQuery} as Intercom's search query JSON, the form {@link QueryParser} reads,
 * so that a stored or shown query parses back to an equal one.
 */
public final class QueryWriter {

    private QueryWriter() {
    }

    /**
     * Returns the query's JSON, or {@link JsonValue#NULL} for {@link ContactQuery.All}, which Intercom's
     * language has no form for.
     *
     * @throws IllegalArgumentException when a group contains {@link ContactQuery.All}
     */
    public static JsonValue write(ContactQuery query) {
        return switch (query) {
            case ContactQuery.All all -> JsonValue.NULL;
            case ContactQuery.Group group -> {
                JsonArrayBuilder parts = JSON.createArrayBuilder();
                for (ContactQuery part : group.parts()) {
                    if (part instanceof ContactQuery.All) {
                        throw new IllegalArgumentException("A group cannot contain a match-all query.");
                    }
                    parts.add(write(part));
                }
                yield JSON.createObjectBuilder().add("operator", group.and() ? "AND" : "OR").add("value", parts).build();
            }
            case ContactQuery.Condition condition -> {
                JsonObjectBuilder object = JSON.createObjectBuilder()
                        .add("field", condition.field())
                        .add("operator", condition.operator().symbol());
                yield object.add("value", value(condition.value())).build();
            }
        };
    }

    private static JsonValue value(Object value) {
        return switch (value) {
            case null -> JsonValue.NULL;
            case String text -> JSON.createValue(text);
            case Boolean flag -> flag ? JsonValue.TRUE : JsonValue.FALSE;
            case Long number -> JSON.createValue(number);
            case Integer number -> JSON.createValue(number);
            case Double number -> JSON.createValue(BigDecimal.valueOf(number));
            case List<?> values -> {
                JsonArrayBuilder array = JSON.createArrayBuilder();
                values.forEach(item -> array.add(value(item)));
                yield array.build();
            }
            default -> throw new IllegalArgumentException("A query value cannot be a " + value.getClass().getSimpleName() + ".");
        };
    }
}
