package org.optline.contacts.control;

import org.optline.contacts.api.ContactColumns;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.entity.Contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Maps contacts, as entities or as result set rows, to {@link ContactView}. */
public final class ContactRows {

    /** The columns {@link #read(ResultSet)} expects, for {@code SELECT} lists over {@code contact c}. */
    public static final String COLUMNS = "c.id, c.role, c.external_id, c.email, c.phone, c.phone_type, c.name, c.avatar, "
            + "c.owner_id, c.locale, c.unsubscribed_from_emails, c.custom_attributes, c.signed_up_at, c.last_seen_at, "
            + "c.created_at, c.updated_at, c.version";

    private ContactRows() {
    }

    public static ContactView view(Contact contact) {
        return new ContactView(contact.id(), contact.role(), contact.externalId(), contact.email(), contact.phone(),
                contact.phoneType(), contact.name(), contact.avatar(), contact.ownerId(), contact.locale(),
                contact.unsubscribedFromEmails(), contact.customAttributes(), contact.signedUpAt(), contact.lastSeenAt(),
                contact.createdAt(), contact.updatedAt(), contact.version());
    }

    public static ContactView read(ResultSet row) throws SQLException {
        long id = row.getLong("id");
        return new ContactView(id, ContactColumns.role(id, row.getString("role")), row.getString("external_id"),
                row.getString("email"), row.getString("phone"), ContactColumns.lineType(id, row.getString("phone_type")),
                row.getString("name"), row.getString("avatar"), ownerIdOrNull(row),
                row.getString("locale"), row.getBoolean("unsubscribed_from_emails"), row.getString("custom_attributes"),
                instant(row.getTimestamp("signed_up_at")), instant(row.getTimestamp("last_seen_at")),
                instant(row.getTimestamp("created_at")), instant(row.getTimestamp("updated_at")), row.getLong("version"));
    }

    private static Long ownerIdOrNull(ResultSet row) throws SQLException {
        long ownerId = row.getLong("owner_id");
        return row.wasNull() ? null : ownerId;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
