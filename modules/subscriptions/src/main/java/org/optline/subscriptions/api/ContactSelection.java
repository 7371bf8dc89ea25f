package org.optline.subscriptions.api;

import org.optline.contacts.api.ContactQuery;

import java.util.List;

/** The choice of contacts for a bulk consent job. The ids are resolved once, when the job is created. */
public sealed interface ContactSelection {

    /** Contacts picked one by one, by id. */
    record Listed(List<Long> contactIds) implements ContactSelection {

        public Listed {
            contactIds = List.copyOf(contactIds);
        }
    }

    /** Every contact that matches a search at the moment the job is created. */
    record Matching(ContactQuery query) implements ContactSelection {
    }
}
