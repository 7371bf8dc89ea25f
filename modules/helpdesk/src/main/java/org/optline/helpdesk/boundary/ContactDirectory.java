package org.optline.helpdesk.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.optline.contacts.api.ContactListFilter;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.Contacts;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.optline.platform.Jsons.JSON;

/** Finds the contacts that the inbox pages show, through the contacts module's API only. */
@ApplicationScoped
class ContactDirectory {

    @Inject
    Contacts contacts;

    /**
     * Returns the contacts among {@code ids} that exist and are not deleted, by id, in one search.
     *
     * @param ids at most {@link Contacts#MAX_PER_PAGE} distinct ids
     */
    Map<Long, ContactView> contacts(Collection<Long> ids) {
        LinkedHashSet<Long> distinct = new LinkedHashSet<>(ids);
        if (distinct.isEmpty()) {
            return Map.of();
        }
        JsonArrayBuilder values = JSON.createArrayBuilder();
        distinct.forEach(id -> values.add(String.valueOf(id)));
        JsonObject query = JSON.createObjectBuilder()
                .add("field", "id")
                .add("operator", "IN")
                .add("value", values)
                .build();
        return contacts.search(Contacts.parseQuery(query), null, Contacts.MAX_PER_PAGE).contacts().stream()
                .collect(Collectors.toMap(ContactView::id, Function.identity()));
    }

    /**
     * Returns up to {@code limit} contacts whose name, email or phone number matches {@code text}, as the
     * admin contacts list's search box matches them.
     */
    List<ContactView> search(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        ContactListFilter filter = contacts.listFilter(Map.of("q", List.of(text.strip())));
        return contacts.search(filter.query(), null, limit).contacts();
    }
}
