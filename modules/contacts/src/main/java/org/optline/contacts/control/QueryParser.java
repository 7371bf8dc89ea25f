package org.optline.contacts.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.optline.contacts.api.ContactQuery;
import org.optline.contacts.api.ContactQuery.Operator;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads Intercom's search query JSON: {@code {"field":..,"operator":..,"value":..}} or
 * {@code {"operator":"AND"|"OR","value":[...]}}.
 */
public final class QueryParser {

    private QueryParser() {
    }

    public static ContactQuery parse(JsonValue json) {
        return parse(json, "query");
    }

    private static ContactQuery parse(JsonValue json, String path) {
        if (json == null || json.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException(path, path + " must be an object with field, operator and value, "
                    + "or with operator AND or OR and a list of filters in value.");
        }
        JsonObject object = json.asJsonObject();
        String operator = string(object, "operator", path);
        if (operator == null) {
            throw new MissingInputException(path + ".operator", path + ".operator is missing.");
        }
        String upper = operator.strip().toUpperCase(Locale.ROOT);
        if ((upper.equals("AND") || upper.equals("OR")) && !object.containsKey("field")) {
            JsonValue value = object.get("value");
            if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
                throw new InvalidInputException(path + ".value", path + ".value must be a list of filters for " + upper + ".");
            }
            List<ContactQuery> parts = new ArrayList<>();
            for (int i = 0; i < value.asJsonArray().size(); i++) {
                parts.add(parse(value.asJsonArray().get(i), path + ".value[" + i + "]"));
            }
            return new ContactQuery.Group(upper.equals("AND"), parts);
        }
        String field = string(object, "field", path);
        if (field == null || field.isBlank()) {
            throw new MissingInputException(path + ".field", path + ".field is missing.");
        }
        if (!object.containsKey("value")) {
            throw new MissingInputException(path + ".value", path + ".value is missing; use null to match empty fields.");
        }
        return new ContactQuery.Condition(field.strip(), operator(operator, path), value(object.get("value"), path));
    }

    private static Operator operator(String symbol, String path) {
        String trimmed = symbol.strip();
        for (Operator operator : Operator.values()) {
            if (operator.symbol().equalsIgnoreCase(trimmed)) {
                return operator;
            }
        }
        throw new InvalidInputException(path + ".operator", "Operator '" + symbol + "' is unknown. Use =, !=, IN, NIN, "
                + "<, <=, >, >=, ~, !~, ^ or $, or AND and OR for groups.");
    }

    private static Object value(JsonValue value, String path) {
        return switch (value.getValueType()) {
            case NULL -> null;
            case STRING -> ((JsonString) value).getString();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NUMBER -> {
                JsonNumber number = (JsonNumber) value;
                yield number.isIntegral() ? (Object) number.longValue() : (Object) number.doubleValue();
            }
            case ARRAY -> {
                List<Object> values = new ArrayList<>();
                for (JsonValue item : value.asJsonArray()) {
                    if (item.getValueType() == JsonValue.ValueType.ARRAY || item.getValueType() == JsonValue.ValueType.OBJECT) {
                        throw new InvalidInputException(path + ".value", path + ".value lists must hold strings or numbers.");
                    }
                    values.add(value(item, path));
                }
                yield values;
            }
            case OBJECT -> throw new InvalidInputException(path + ".value", path
                    + ".value must be a string, number, boolean, null or list.");
        };
    }

    private static String string(JsonObject object, String key, String path) {
        JsonValue value = object.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw new InvalidInputException(path + "." + key, path + "." + key + " must be a string.");
    }
}
