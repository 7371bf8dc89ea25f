package org.optline.app.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds OpenAPI schemas from the records that the API reads and writes as JSON, so that each property
 * carries the name and JSON type of the wire format. Payara's own scan names properties after the Java
 * components and ignores JSON-B, so the document uses these schemas instead.
 *
 * <p>The rules follow JSON-B's defaults:
 * <ul>
 *   <li>name: the component's {@code @JsonbProperty}, else the component's name;</li>
 *   <li>type: strings, {@code int} and {@code long} as integers, booleans, JSON-P objects, lists as arrays,
 *       and records as references to their own schema, named by their class-level {@code @Schema(name)};</li>
 *   <li>required: primitive components, components that JSON-B writes even when null ({@code @JsonbNillable}
 *       on the record or the component), and components marked {@code @Schema(required = true)};</li>
 *   <li>null: allowed where the component is marked {@code @Schema(nullable = true)}.</li>
 * </ul>
 * A component's MicroProfile {@code @Schema} adds its description, enumeration, examples and format.
 */
final class RecordSchemas {

    private final Map<String, Schema> schemas = new TreeMap<>();
    private final Map<String, Class<?>> sources = new TreeMap<>();

    /** Describes {@code type} and every record that its components use. */
    void add(Class<?> type) {
        String name = nameOf(type);
        Class<?> earlier = sources.putIfAbsent(name, type);
        if (earlier != null) {
            if (earlier != type) {
                throw new IllegalStateException("Schema name " + name + " is used by both " + earlier.getName()
                        + " and " + type.getName() + ". Give one of them another @Schema(name).");
            }
            return;
        }
        schemas.put(name, objectSchema(type));
    }

    /** Returns the schemas by name. */
    Map<String, Schema> schemas() {
        return schemas;
    }

    /** Returns the schema name of a record: its class-level {@code @Schema(name)}, else its simple name. */
    static String nameOf(Class<?> type) {
        org.eclipse.microprofile.openapi.annotations.media.Schema annotation =
                type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        return annotation != null && !annotation.name().isEmpty() ? annotation.name() : type.getSimpleName();
    }

    private Schema objectSchema(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record; only records are described.");
        }
        Schema schema = OASFactory.createSchema().addType(SchemaType.OBJECT);
        org.eclipse.microprofile.openapi.annotations.media.Schema annotation =
                type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        if (annotation != null && !annotation.description().isEmpty()) {
            schema.setDescription(annotation.description());
        }
        boolean nillableRecord = nillable(type.getAnnotation(JsonbNillable.class));
        List<String> required = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Method accessor = component.getAccessor();
            if (accessor.isAnnotationPresent(JsonbTransient.class)) {
                continue;
            }
            String name = wireName(component);
            schema.addProperty(name, propertySchema(component));
            boolean writtenWhenNull = nillableRecord || nillable(accessor.getAnnotation(JsonbNillable.class));
            if (component.getType().isPrimitive() || writtenWhenNull || markedRequired(component)) {
                required.add(name);
            }
        }
        if (!required.isEmpty()) {
            schema.setRequired(required);
        }
        return schema;
    }

    private Schema propertySchema(RecordComponent component) {
        org.eclipse.microprofile.openapi.annotations.media.Schema doc = documentation(component);
        if (doc == null) {
            return typeSchema(component.getGenericType(), component);
        }
        // A reference names a schema that another module describes, such as SearchQuery.
        Schema schema = doc.ref().isEmpty()
                ? typeSchema(component.getGenericType(), component)
                : OASFactory.createSchema().ref(doc.ref());
        if (!doc.description().isEmpty()) {
            schema.setDescription(doc.description());
        }
        // The values of a list are constrained on its items.
        Schema values = schema.getItems() != null ? schema.getItems() : schema;
        if (!doc.format().isEmpty()) {
            values.setFormat(doc.format());
        }
        if (doc.enumeration().length > 0) {
            values.setEnumeration(new ArrayList<>(Arrays.asList(doc.enumeration())));
        }
        if (doc.examples().length > 0) {
            schema.setExamples(new ArrayList<>(Arrays.asList(doc.examples())));
        }
        if (doc.nullable()) {
            return nullable(schema);
        }
        return schema;
    }

    private Schema typeSchema(Type type, RecordComponent component) {
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
            if (Collection.class.isAssignableFrom(raw)) {
                return OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .items(typeSchema(generic.getActualTypeArguments()[0], component));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return OASFactory.createSchema().addType(SchemaType.OBJECT)
                        .additionalPropertiesSchema(typeSchema(generic.getActualTypeArguments()[1], component));
            }
        }
        if (!(type instanceof Class<?> plain)) {
            throw unsupported(type, component);
        }
        if (plain == String.class) {
            return OASFactory.createSchema().addType(SchemaType.STRING);
        }
        if (plain == int.class || plain == Integer.class) {
            return OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32");
        }
        if (plain == long.class || plain == Long.class) {
            return OASFactory.createSchema().addType(SchemaType.INTEGER).format("int64");
        }
        if (plain == boolean.class || plain == Boolean.class) {
            return OASFactory.createSchema().addType(SchemaType.BOOLEAN);
        }
        if (plain == BigDecimal.class || plain == double.class || plain == Double.class) {
            return OASFactory.createSchema().addType(SchemaType.NUMBER);
        }
        if (plain == JsonObject.class) {
            return OASFactory.createSchema().addType(SchemaType.OBJECT);
        }
        if (plain == JsonArray.class) {
            return OASFactory.createSchema().addType(SchemaType.ARRAY);
        }
        if (plain == JsonValue.class || plain == Object.class) {
            // Any JSON value: a schema without a type allows every value.
            return OASFactory.createSchema();
        }
        if (plain.isRecord()) {
            add(plain);
            return OASFactory.createSchema().ref(nameOf(plain));
        }
        throw unsupported(type, component);
    }

    /** Allows null besides the schema's own type; a reference gets null as an alternative. */
    private static Schema nullable(Schema schema) {
        if (schema.getRef() != null) {
            return OASFactory.createSchema().anyOf(List.of(schema, OASFactory.createSchema().addType(SchemaType.NULL)));
        }
        if (schema.getType() != null) {
            schema.addType(SchemaType.NULL);
        }
        if (schema.getEnumeration() != null) {
            schema.addEnumeration(null);
        }
        return schema;
    }

    private static String wireName(RecordComponent component) {
        JsonbProperty property = component.getAccessor().getAnnotation(JsonbProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }

    private static org.eclipse.microprofile.openapi.annotations.media.Schema documentation(RecordComponent component) {
        return component.getAccessor().getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
    }

    private static boolean markedRequired(RecordComponent component) {
        org.eclipse.microprofile.openapi.annotations.media.Schema doc = documentation(component);
        return doc != null && doc.required();
    }

    private static boolean nillable(JsonbNillable annotation) {
        return annotation != null && annotation.value();
    }

    private static IllegalArgumentException unsupported(Type type, RecordComponent component) {
        return new IllegalArgumentException("Component " + component.getDeclaringRecord().getName() + "."
                + component.getName() + " has type " + type.getTypeName() + ", which has no JSON schema here. "
                + "Add its mapping to " + RecordSchemas.class.getName() + ".");
    }
}
