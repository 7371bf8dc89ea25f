package org.optline.contacts.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Field values to set on a contact, as typed or sent, before they are checked. A field that is absent
 * keeps its value; a field present with null clears it. Keys are the API's field names:
 * {@code role, external_id, email, phone, name, avatar, owner_id, locale, unsubscribed_from_emails,
 * custom_attributes, signed_up_at, last_seen_at}.
 */
public final class ContactChanges {

    public static final Set<String> FIELDS = Set.of("role", "external_id", "email", "phone", "name", "avatar",
            "owner_id", "locale", "unsubscribed_from_emails", "custom_attributes", "signed_up_at", "last_seen_at");

    private final Map<String, Object> values = new LinkedHashMap<>();

    /**
     * Sets {@code field} to {@code value}: a String, Long, Boolean, or for custom attributes a map of
     * String to String, Number, Boolean or null.
     */
    public ContactChanges with(String field, Object value) {
        if (!FIELDS.contains(field)) {
            throw new IllegalArgumentException("unknown contact field " + field);
        }
        values.put(field, value);
        return this;
    }

    public boolean has(String field) {
        return values.containsKey(field);
    }

    public Object get(String field) {
        return values.get(field);
    }

    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }
}
