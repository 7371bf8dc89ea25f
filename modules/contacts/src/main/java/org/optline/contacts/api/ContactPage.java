package org.optline.contacts.api;

import java.util.List;
import java.util.Optional;

/**
 * One page of contacts in id order.
 *
 * @param totalCount how many contacts match in all
 * @param nextCursor where the next page starts, or empty on the last page
 */
public record ContactPage(List<ContactView> contacts, long totalCount, Optional<String> nextCursor, int perPage) {

    public ContactPage {
        contacts = List.copyOf(contacts);
    }
}
