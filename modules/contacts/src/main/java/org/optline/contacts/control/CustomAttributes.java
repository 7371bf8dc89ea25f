package org.optline.contacts.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import org.optline.platform.InvalidInputException;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

import static org.optline.platform.Jsons.JSON;

/**
 * Checks custom attributes and stores them as one JSON object. Values are strings, numbers, booleans
 * or null, as in Intercom; a null value removes the attribute.
 */
public final class CustomAttributes {

    public static final int MAX_ATTRIBUTES = 100;
    public static final int MAX_KEY = 190;
    public static final int MAX_STRING = 255;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_ .\\-]*");

    private CustomAttributes() {
    }

    /**
     * Returns {@code stored} with {@code changes} applied, as JSON text, or null when no attribute is
     * left.
     */
    public static String merge(String stored, Map<String, Object> changes) {
        JsonObjectBuilder result = JSON.createObjectBuilder(parse(stored));
        for (Map.Entry<String, Object> entry : changes.entrySet()) {
            String key = checkKey(entry.getKey());
            Object value = entry.getValue();
            String field = "custom_attributes." + key;
            switch (value) {
                case null -> result.remove(key);
                case String text -> {
                    if (text.length() > MAX_STRING) {
                        throw new InvalidInputException(field, field + " has " + text.length()
                                + " characters; the maximum is " + MAX_STRING + ".");
                    }
                    result.add(key, text);
                }
                case Boolean flag -> result.add(key, flag);
                case Long whole -> result.add(key, whole);
                case Integer whole -> result.add(key, whole);
                case BigDecimal decimal -> result.add(key, decimal);
                case Double decimal -> result.add(key, BigDecimal.valueOf(decimal));
                default -> throw new InvalidInputException(field, field
                        + " must be a string, a number, true, false or null; lists and objects are not supported.");
            }
        }
        JsonObject merged = result.build();
        if (merged.size() > MAX_ATTRIBUTES) {
            throw new InvalidInputException("custom_attributes", "A contact may have at most " + MAX_ATTRIBUTES
                    + " custom attributes; this change would give it " + merged.size() + ".");
        }
        return merged.isEmpty() ? null : merged.toString();
    }

    public static JsonObject parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(stored))) {
            return reader.readObject();
        }
    }

    /** Checks an attribute name, which also appears in search fields as {@code custom_attributes.<name>}. */
    public static String checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY || !KEY.matcher(key).matches()) {
            throw new InvalidInputException("custom_attributes", "Custom attribute name '" + key + "' is invalid. "
                    + "Use 1 to " + MAX_KEY + " letters, digits, spaces, dots, dashes or underscores.");
        }
        return key;
    }
}
