package org.optline.contacts.control;

import org.optline.contacts.api.ContactChanges;
import org.optline.contacts.api.ContactRole;
import org.optline.contacts.entity.Contact;
import org.optline.platform.InvalidInputException;
import org.optline.platform.Texts;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks each field of {@link ContactChanges} and sets it on a contact. */
public final class ContactFields {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern LOCALE = Pattern.compile("^[a-z]{2}(-[A-Z]{2})?$");
    /** The latest time accepted for signed_up_at and last_seen_at: 1 January 3000, in Unix seconds. */
    private static final long MAX_SECONDS = 32_503_680_000L;

    private ContactFields() {
    }

    /** Applies every present field of {@code changes}; phone numbers are read in {@code defaultCountry}. */
    public static void apply(Contact contact, ContactChanges changes, String defaultCountry) {
        for (Map.Entry<String, Object> entry : changes.asMap().entrySet()) {
            String field = entry.getKey();
            Object value = entry.getValue();
            switch (field) {
                case "role" -> contact.changeRole(value == null
                        ? ContactRole.USER : ContactRole.parse("role", text(field, value)));
                case "external_id" -> contact.changeExternalId(optionalText(field, value, 255));
                case "email" -> contact.changeEmail(email(value));
                case "phone" -> {
                    String phone = optionalText(field, value, PhoneNumberParser.MAX_INPUT);
                    contact.changePhone(phone == null ? null : PhoneNumberParser.parse("phone", phone, defaultCountry));
                }
                case "name" -> contact.changeName(optionalText(field, value, 255));
                case "avatar" -> contact.changeAvatar(avatar(value));
                case "owner_id" -> contact.changeOwner(number(field, value));
                case "locale" -> contact.changeLocale(locale(value));
                case "unsubscribed_from_emails" -> contact.changeUnsubscribedFromEmails(Boolean.TRUE.equals(flag(field, value)));
                case "custom_attributes" -> contact.changeCustomAttributes(customAttributes(contact.customAttributes(), value));
                case "signed_up_at" -> contact.changeSignedUpAt(time(field, value));
                case "last_seen_at" -> contact.changeLastSeenAt(time(field, value));
                default -> throw new IllegalArgumentException("unknown field " + field);
            }
        }
    }

    /** Returns the email trimmed and in lower case, or null. */
    public static String email(Object value) {
        String email = optionalText("email", value, 254);
        if (email == null) {
            return null;
        }
        if (!EMAIL.matcher(email).matches()) {
            throw new InvalidInputException("email", "'" + email + "' is not a valid email address. Use the form name@example.com.");
        }
        return email.toLowerCase(Locale.ROOT);
    }

    private static String text(String field, Object value) {
        if (value instanceof String text) {
            return text;
        }
        throw new InvalidInputException(field, field + " must be a string.");
    }

    private static String optionalText(String field, Object value, int maxLength) {
        if (value == null) {
            return null;
        }
        String text = Texts.optional(field, text(field, value), maxLength);
        return text.isEmpty() ? null : text;
    }

    private static String avatar(Object value) {
        String url = optionalText("avatar", value, 2048);
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // Reported below.
        }
        throw new InvalidInputException("avatar", "avatar '" + url + "' is not an http or https URL of an image.");
    }

    private static Long number(String field, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Long number) {
            return number;
        }
        if (value instanceof String text && text.strip().matches("[0-9]{1,18}")) {
            return Long.parseLong(text.strip());
        }
        throw new InvalidInputException(field, field + " must be a whole number, not '" + value + "'.");
    }

    private static Boolean flag(String field, Object value) {
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw new InvalidInputException(field, field + " must be true or false, not '" + value + "'.");
    }

    private static String locale(Object value) {
        String locale = optionalText("locale", value, 16);
        if (locale == null) {
            return null;
        }
        String normalized = locale.replace('_', '-');
        int dash = normalized.indexOf('-');
        normalized = dash < 0 ? normalized.toLowerCase(Locale.ROOT)
                : normalized.substring(0, dash).toLowerCase(Locale.ROOT) + normalized.substring(dash).toUpperCase(Locale.ROOT);
        if (!LOCALE.matcher(normalized).matches()) {
            throw new InvalidInputException("locale", "locale '" + locale + "' is not a language code such as en or pt-BR.");
        }
        return normalized;
    }

    private static Instant time(String field, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Long seconds && seconds >= 0 && seconds <= MAX_SECONDS) {
            return Instant.ofEpochSecond(seconds);
        }
        throw new InvalidInputException(field, field + " must be a time in Unix seconds, such as 1735689600, not '"
                + value + "'.");
    }

    @SuppressWarnings("unchecked")
    private static String customAttributes(String stored, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            return CustomAttributes.merge(stored, (Map<String, Object>) map);
        }
        throw new InvalidInputException("custom_attributes", "custom_attributes must be an object of names and values.");
    }
}
