package org.optline.contacts.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The filter of the admin contacts list, read from its query parameters by
 * {@link Contacts#listFilter(Map)}: the search box {@code q}, the role, and the filters of
 * {@link ContactFilterOptions} such as {@code subscription_type.7}.
 *
 * @param parameters the parameters of the filters in use, in the list's order, with their values as
 *                   the list reads them. A form that carries them reproduces the same filter.
 * @param query      the search the list runs for them
 */
public record ContactListFilter(Map<String, String> parameters, ContactQuery query) {

    public ContactListFilter {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Objects.requireNonNull(query, "query");
    }
}
