package org.optline.contacts.api;

import org.optline.platform.StoredEnums;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Reads the {@code role} and {@code phone_type} columns of {@code contact}, for every module that reads
 * them from a row. A name is read ignoring case, as SQL compares it ({@link StoredEnums}). Since V25 the
 * database rejects any other spelling, but a row can still hold a line type this version does not know,
 * such as one that a newer version wrote during a rolling update. Such a row must not break a list of
 * other contacts, and must never make a number textable.
 */
public final class ContactColumns {

    private static final Logger LOG = Logger.getLogger(ContactColumns.class.getName());
    /** The maximum number of unknown values logged per instance, so that a table full of them cannot flood the log. */
    private static final int MAX_LOGGED = 1_000;
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean LOGGED_LIMIT = new AtomicBoolean();

    private ContactColumns() {
    }

    /**
     * Returns the role that {@code stored} names; {@code contactId} is null for a contact not stored yet. A name that is neither {@code USER} nor {@code LEAD}
     * reads as {@link ContactRole#USER}, as the audience index counts it, and is logged once.
     */
    public static ContactRole role(Long contactId, String stored) {
        return StoredEnums.find(ContactRole.class, stored).orElseGet(() -> {
            logOnce(contactId, "role", stored, "It is read as USER. Set contact.role to USER or LEAD.");
            return ContactRole.USER;
        });
    }

    /**
     * Returns the line type that {@code stored} names, or null when it is null. A name this version
     * does not know reads as null too, so the number counts as invalid and is never texted. Such a name
     * is logged once.
     */
    public static LineType lineType(Long contactId, String stored) {
        if (stored == null) {
            return null;
        }
        return StoredEnums.find(LineType.class, stored).orElseGet(() -> {
            logOnce(contactId, "phone_type", stored, "Its number counts as invalid and gets no SMS. Send the "
                    + "contact's phone again (PUT /api/contacts/" + contactId + " with \"phone\", or save it on the "
                    + "contact's page) to read the line type anew.");
            return null;
        });
    }

    private static void logOnce(Long contactId, String column, String stored, String consequence) {
        String key = contactId + "\u0000" + column + "\u0000" + stored;
        if (LOGGED.contains(key)) {
            return;
        }
        if (LOGGED.size() >= MAX_LOGGED) {
            if (LOGGED_LIMIT.compareAndSet(false, true)) {
                LOG.warning(() -> "More than " + MAX_LOGGED + " contacts hold unknown values in contact.role or "
                        + "contact.phone_type; no more of them are logged until restart.");
            }
            return;
        }
        if (LOGGED.add(key)) {
            LOG.warning(() -> "Contact " + contactId + " has the unknown value '" + stored + "' in contact." + column
                    + ". " + consequence);
        }
    }
}
