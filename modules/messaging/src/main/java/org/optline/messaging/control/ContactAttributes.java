package org.optline.messaging.control;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.optline.contacts.api.ContactView;

import java.io.StringReader;
import java.util.Optional;
import java.util.function.Function;

import static org.optline.platform.Jsons.JSON;

/**
 * The attribute values a message template reads from a contact. The first name is the name up to its
 * first space and the last name the rest, because contacts store one name field.
 */
public final class ContactAttributes implements Function<String, Optional<String>> {

    private final ContactView contact;
    private JsonObject custom;

    public ContactAttributes(ContactView contact) {
        this.contact = contact;
    }

    @Override
    public Optional<String> apply(String attribute) {
        String name = contact.name() == null ? "" : contact.name().strip();
        int space = name.indexOf(' ');
        return switch (attribute) {
            case "name" -> Optional.of(name);
            case "first_name" -> Optional.of(space < 0 ? name : name.substring(0, space));
            case "last_name" -> Optional.of(space < 0 ? "" : name.substring(space + 1).strip());
            case "email" -> Optional.ofNullable(contact.email());
            case "external_id" -> Optional.ofNullable(contact.externalId());
            default -> attribute.startsWith("custom.") ? custom(attribute.substring("custom.".length())) : Optional.empty();
        };
    }

    private Optional<String> custom(String key) {
        if (contact.customAttributes() == null) {
            return Optional.empty();
        }
        if (custom == null) {
            try (JsonReader reader = JSON.createReader(new StringReader(contact.customAttributes()))) {
                custom = reader.readObject();
            } catch (JsonException | IllegalStateException e) {
                custom = JsonValue.EMPTY_JSON_OBJECT;
            }
        }
        JsonValue value = custom.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        return Optional.of(value instanceof JsonString text ? text.getString() : value.toString());
    }
}
