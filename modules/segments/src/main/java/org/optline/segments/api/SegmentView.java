package org.optline.segments.api;

import org.optline.contacts.api.ContactQuery;

import java.time.Instant;

/** A saved contact filter, in the same query language as the contacts list and the search API. */
public record SegmentView(long id, String name, ContactQuery query, String createdBy, Instant createdAt,
                          Instant updatedAt, long version) {
}
