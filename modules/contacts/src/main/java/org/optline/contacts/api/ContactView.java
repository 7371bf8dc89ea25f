package org.optline.contacts.api;

import java.time.Instant;

/**
 * A contact as other modules, pages and the API see it.
 *
 * @param phone            the number in E.164 form, or null
 * @param lineType         the kind of line of {@code phone}, or null without a phone and for a number stored
 *                         without a line type or with one this version does not know
 * @param customAttributes the custom attributes as a JSON object text, or null
 */
public record ContactView(long id, ContactRole role, String externalId, String email, String phone, LineType lineType,
                          String name, String avatar, Long ownerId, String locale, boolean unsubscribedFromEmails,
                          String customAttributes, Instant signedUpAt, Instant lastSeenAt, Instant createdAt,
                          Instant updatedAt, long version) {

    /** Returns whether the contact has a number that can take texts. */
    public boolean smsCapable() {
        return phone != null && lineType != null && lineType.smsCapable();
    }

    /** Returns the phone number with all but its last four digits hidden, for logs. */
    public String maskedPhone() {
        return PhoneNumber.mask(phone);
    }
}
