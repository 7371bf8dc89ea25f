package org.optline.it.support;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads an OpenAPI 3.1 document as JSON and checks JSON values against its schemas: JSON types, enumerations,
 * required and undocumented properties, following {@code $ref}, {@code items} and {@code anyOf}. It covers
 * the parts of JSON Schema that Optline's document uses, not all of JSON Schema.
 */
public final class OpenApiDocument {

    private static final String SCHEMA_REF = "#/components/schemas/";

    private final JsonObject document;
    private final Map<String, Set<String>> seenProperties = new TreeMap<>();

    public OpenApiDocument(JsonObject document) {
        this.document = document;
    }

    public JsonObject json() {
        return document;
    }

    /** Returns every operation as {@code "METHOD path"}, such as {@code "GET /api/contacts/{id}"}. */
    public Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().keySet()
                .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
        return operations;
    }

    /** Returns the operation object of {@code "METHOD path"}. */
    public JsonObject operation(String operation) {
        String[] parts = operation.split(" ", 2);
        return document.getJsonObject("paths").getJsonObject(parts[1]).getJsonObject(parts[0].toLowerCase());
    }

    /** Returns the schemas by name. */
    public JsonObject schemas() {
        return document.getJsonObject("components").getJsonObject("schemas");
    }

    /** Returns the schema of {@code media} in the response with {@code status} of an operation, if documented. */
    public Optional<JsonObject> responseSchema(String operation, String status, String media) {
        JsonObject response = operation(operation).getJsonObject("responses").getJsonObject(status);
        if (response == null || !response.containsKey("content") || !response.getJsonObject("content").containsKey(media)) {
            return Optional.empty();
        }
        return Optional.ofNullable(response.getJsonObject("content").getJsonObject(media).getJsonObject("schema"));
    }

    /** Returns the name of the schema that {@code schema} refers to, or empty when it is no reference. */
    public static Optional<String> referencedName(JsonObject schema) {
        if (schema == null || !schema.containsKey("$ref")) {
            return Optional.empty();
        }
        String ref = schema.getString("$ref");
        return ref.startsWith(SCHEMA_REF) ? Optional.of(ref.substring(SCHEMA_REF.length())) : Optional.of(ref);
    }

    /** Returns every {@code $ref} value anywhere in the document. */
    public List<String> references() {
        List<String> references = new ArrayList<>();
        collectReferences(document, references);
        return references;
    }

    /** Returns the names of the schemas that {@code schema} refers to, directly or through other schemas. */
    public Set<String> reachableSchemas(JsonObject schema) {
        Set<String> names = new LinkedHashSet<>();
        List<String> references = new ArrayList<>();
        collectReferences(schema, references);
        for (int i = 0; i < references.size(); i++) {
            String ref = references.get(i);
            if (ref.startsWith(SCHEMA_REF) && names.add(ref.substring(SCHEMA_REF.length()))) {
                collectReferences(schemas().getJsonObject(ref.substring(SCHEMA_REF.length())), references);
            }
        }
        return names;
    }

    /**
     * Checks {@code value} against {@code schema} and returns what does not match, each problem naming its
     * place in the value, such as {@code data[0].consent_type}. Records the properties seen per schema.
     */
    public List<String> check(JsonValue value, JsonObject schema, String where) {
        List<String> problems = new ArrayList<>();
        check(value, schema, where, null, problems);
        return problems;
    }

    /** Returns the property names that {@link #check} has seen in values of each named schema. */
    public Map<String, Set<String>> seenProperties() {
        return seenProperties;
    }

    private void check(JsonValue value, JsonObject schema, String where, String name, List<String> problems) {
        Optional<String> referenced = referencedName(schema);
        if (referenced.isPresent()) {
            JsonObject target = schemas().getJsonObject(referenced.get());
            if (target == null) {
                problems.add(where + ": $ref " + schema.getString("$ref") + " names no schema");
                return;
            }
            check(value, target, where, referenced.get(), problems);
            return;
        }
        if (schema.containsKey("anyOf")) {
            checkAnyOf(value, schema.getJsonArray("anyOf"), where, problems);
            return;
        }
        if (schema.containsKey("type") && !types(schema).contains(jsonType(value))) {
            problems.add(where + ": " + jsonType(value) + " " + value + " where the document says " + schema.get("type"));
            return;
        }
        if (schema.containsKey("enum") && !schema.getJsonArray("enum").contains(value)) {
            problems.add(where + ": " + value + " is not one of " + schema.getJsonArray("enum"));
        }
        if (value.getValueType() == JsonValue.ValueType.OBJECT) {
            checkObject(value.asJsonObject(), schema, where, name, problems);
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY && schema.containsKey("items")) {
            JsonArray array = value.asJsonArray();
            for (int i = 0; i < array.size(); i++) {
                check(array.get(i), schema.getJsonObject("items"), where + "[" + i + "]", null, problems);
            }
        }
    }

    private void checkObject(JsonObject object, JsonObject schema, String where, String name, List<String> problems) {
        if (!schema.containsKey("properties")) {
            return;
        }
        JsonObject properties = schema.getJsonObject("properties");
        if (name != null) {
            seenProperties.computeIfAbsent(name, key -> new TreeSet<>()).addAll(object.keySet());
        }
        for (String key : object.keySet()) {
            if (!properties.containsKey(key)) {
                problems.add(where + "." + key + ": returned but not documented in " + name);
            }
        }
        if (schema.containsKey("required")) {
            for (JsonValue required : schema.getJsonArray("required")) {
                String key = ((JsonString) required).getString();
                if (!object.containsKey(key)) {
                    problems.add(where + "." + key + ": documented as required in " + name + " but not returned");
                }
            }
        }
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            JsonObject property = properties.getJsonObject(entry.getKey());
            if (property != null) {
                check(entry.getValue(), property, where + "." + entry.getKey(), null, problems);
            }
        }
    }

    private void checkAnyOf(JsonValue value, JsonArray alternatives, String where, List<String> problems) {
        List<String> last = List.of();
        for (JsonValue alternative : alternatives) {
            List<String> attempt = new ArrayList<>();
            check(value, alternative.asJsonObject(), where, null, attempt);
            if (attempt.isEmpty()) {
                return;
            }
            last = attempt;
        }
        problems.add(where + ": matches none of anyOf " + alternatives + "; last mismatch: " + last);
    }

    private static Set<String> types(JsonObject schema) {
        JsonValue type = schema.get("type");
        Set<String> types = new TreeSet<>();
        if (type instanceof JsonArray array) {
            array.getValuesAs(JsonString.class).forEach(text -> types.add(text.getString()));
        } else {
            types.add(((JsonString) type).getString());
        }
        if (types.contains("number")) {
            types.add("integer");
        }
        return types;
    }

    private static String jsonType(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case NUMBER -> ((JsonNumber) value).isIntegral() ? "integer" : "number";
            case TRUE, FALSE -> "boolean";
            case NULL -> "null";
        };
    }

    private static void collectReferences(JsonValue value, List<String> references) {
        if (value instanceof JsonObject object) {
            object.forEach((key, member) -> {
                if (key.equals("$ref") && member instanceof JsonString ref) {
                    references.add(ref.getString());
                } else {
                    collectReferences(member, references);
                }
            });
        } else if (value instanceof JsonArray array) {
            array.forEach(member -> collectReferences(member, references));
        }
    }
}
