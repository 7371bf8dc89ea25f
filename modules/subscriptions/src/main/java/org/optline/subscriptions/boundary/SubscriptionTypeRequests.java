package org.optline.subscriptions.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;
import org.optline.subscriptions.api.ConsentType;
import org.optline.subscriptions.api.LocaleCode;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.NewSubscriptionType;
import org.optline.subscriptions.api.Rewording;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.Translation;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.optline.platform.Jsons.JSON;

/**
 * Reads the JSON bodies of the subscription type endpoints. Every wrong value is rejected with the
 * field's name as the API spells it; unknown fields are ignored, as Intercom's clients add some.
 */
final class SubscriptionTypeRequests {

    /** The locale of a default translation that names none, as in Intercom's default workspace. */
    static final LocaleCode FALLBACK_LOCALE = new LocaleCode("en");

    /** Bodies larger than this are rejected before parsing: all texts of 50 locales fit well within it. */
    static final int MAX_BODY_CHARS = 200_000;

    private SubscriptionTypeRequests() {
    }

    static NewSubscriptionType creation(String body) {
        JsonObject json = object(body);
        MessageType messageType = messageType(json).orElseThrow(() -> new MissingInputException("content_types",
                "content_types is missing. Send [\"sms_message\"] or [\"email\"]; it cannot change later."));
        ConsentType consentType = ConsentType.parse("consent_type", string(json, "consent_type"));
        JsonObject defaultJson = objectField(json, "default_translation");
        if (defaultJson == null) {
            throw new MissingInputException("default_translation",
                    "default_translation is missing. Send {\"name\": ..., \"description\": ..., \"locale\": \"en\"}.");
        }
        Translation defaultText = translation("default_translation", defaultJson, FALLBACK_LOCALE);
        List<Translation> texts = merged(defaultText, others(json));
        return new NewSubscriptionType(messageType, consentType, defaultText.locale(), texts,
                Boolean.TRUE.equals(doubleOptIn(json)));
    }

    /** Reads an update; fields left out keep their stored value. */
    static Rewording rewording(String body, SubscriptionTypeView current, Long expectedVersion) {
        JsonObject json = object(body);
        if (json.containsKey("state")) {
            String state = string(json, "state");
            if (state == null || !state.strip().equalsIgnoreCase(current.state().apiName())) {
                throw new InvalidInputException("state", "state cannot be set here. Use POST /api/subscription_types/"
                        + current.id() + "/put_live or /archive.");
            }
        }
        MessageType messageType = messageType(json).orElse(null);
        ConsentType consentType = json.containsKey("consent_type")
                ? ConsentType.parse("consent_type", string(json, "consent_type"))
                : null;
        JsonObject defaultJson = objectField(json, "default_translation");
        Translation defaultText = defaultJson == null
                ? current.defaultTranslation()
                : translation("default_translation", defaultJson, current.defaultLocale());
        // Without translations in the body, the stored ones stay, except the one that the new default replaces.
        List<Translation> others = json.containsKey("translations")
                ? others(json)
                : current.translations().stream().filter(t -> !t.locale().equals(defaultText.locale())).toList();
        return new Rewording(expectedVersion, defaultText.locale(), merged(defaultText, others), messageType, consentType,
                doubleOptIn(json));
    }

    /** Reads {@code double_opt_in}: true, false, or null when it is left out or null. */
    static Boolean doubleOptIn(JsonObject json) {
        JsonValue value = json.get("double_opt_in");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return switch (value.getValueType()) {
            case TRUE -> true;
            case FALSE -> false;
            default -> throw new InvalidInputException("double_opt_in", "double_opt_in is " + value
                    + ", but it must be true or false.");
        };
    }

    /**
     * Parses an {@code If-Match} header holding the entity tag this API sends: the version in quotes,
     * optionally weak.
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

    static JsonObject object(String body) {
        return object(body, MAX_BODY_CHARS);
    }

    /** Parses a JSON object body of at most {@code maxChars} characters. */
    static JsonObject object(String body, int maxChars) {
        if (body == null || body.isBlank()) {
            throw new MissingInputException("body", "The request body is empty. Send a JSON object.");
        }
        if (body.length() > maxChars) {
            throw new InvalidInputException("body", "The request body has " + body.length()
                    + " characters; the maximum is " + maxChars + ".");
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

    private static java.util.Optional<MessageType> messageType(JsonObject json) {
        if (json.containsKey("content_types")) {
            JsonValue value = json.get("content_types");
            if (value.getValueType() != JsonValue.ValueType.ARRAY || value.asJsonArray().size() != 1
                    || value.asJsonArray().get(0).getValueType() != JsonValue.ValueType.STRING) {
                throw new InvalidInputException("content_types", "content_types must be a list of one string: "
                        + "[\"sms_message\"] or [\"email\"].");
            }
            return java.util.Optional.of(MessageType.parse("content_types",
                    value.asJsonArray().getString(0)));
        }
        if (json.containsKey("message_type")) {
            return java.util.Optional.of(MessageType.parse("message_type", string(json, "message_type")));
        }
        return java.util.Optional.empty();
    }

    private static List<Translation> others(JsonObject json) {
        JsonValue value = json.get("translations");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidInputException("translations", "translations must be a list of objects with "
                    + "name, description and locale.");
        }
        JsonArray array = value.asJsonArray();
        List<Translation> texts = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String field = "translations[" + i + "]";
            if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidInputException(field, field + " must be an object with name, description and locale.");
            }
            texts.add(translation(field, array.getJsonObject(i), null));
        }
        return texts;
    }

    /** Joins the default text and the others; a repeat of the default locale must repeat its text. */
    private static List<Translation> merged(Translation defaultText, List<Translation> others) {
        List<Translation> texts = new ArrayList<>();
        texts.add(defaultText);
        for (Translation other : others) {
            if (other.locale().equals(defaultText.locale())) {
                if (!other.equals(defaultText)) {
                    throw new InvalidInputException("translations", "translations has a text for the default locale "
                            + defaultText.locale() + " that differs from default_translation. Send it once.");
                }
                continue;
            }
            texts.add(other);
        }
        return texts;
    }

    private static Translation translation(String field, JsonObject json, LocaleCode fallback) {
        String localeText = string(json, "locale", field + ".locale");
        LocaleCode locale;
        if (localeText == null) {
            if (fallback == null) {
                throw new MissingInputException(field + ".locale", field + ".locale is missing. Use a code such as fr.");
            }
            locale = fallback;
        } else {
            locale = LocaleCode.parse(field + ".locale", localeText);
        }
        return Translation.of(field, locale, string(json, "name", field + ".name"),
                string(json, "description", field + ".description"));
    }

    private static JsonObject objectField(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException(field, field + " must be an object with name, description and locale.");
        }
        return value.asJsonObject();
    }

    private static String string(JsonObject json, String field) {
        return string(json, field, field);
    }

    /** Reads {@code key} of {@code json}, naming it {@code field} in errors, such as {@code translations[0].name}. */
    private static String string(JsonObject json, String key, String field) {
        JsonValue value = json.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw new InvalidInputException(field, field + " must be a string, not " + value.getValueType()
                .name().toLowerCase(Locale.ROOT) + ".");
    }
}
