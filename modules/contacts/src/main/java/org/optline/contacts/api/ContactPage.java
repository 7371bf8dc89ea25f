package org.optline.contacts.api;

import java.util.List;
import java.util.Optional;

/**
 * One page of contacts in id order.
 *
 * @param totalCount how many contacts match in all
 * @param nextCursor where the next page starts, or empty on the last page
 * @param page       the 1-based number of this page in the walk that the cursors make
 */
public record ContactPage(List<ContactView> contacts, long totalCount, Optional<String> nextCursor, int perPage,
                          int page) {

    public ContactPage {
        contacts = List.copyOf(contacts);
    }

    /** Returns how many pages of {@code perPage} contacts the whole match fills; 0 when nothing matches. */
    public long totalPages() {
        return (totalCount + perPage - 1) / perPage;
    }
}
