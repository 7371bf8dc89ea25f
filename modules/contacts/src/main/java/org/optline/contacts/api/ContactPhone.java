package org.optline.contacts.api;

/**
 * What consent rules need to know of a contact: whether it exists and its phone number.
 *
 * @param phone    the number in E.164 form, or null
 * @param lineType the kind of line of {@code phone}, or null
 */
public record ContactPhone(long contactId, String phone, LineType lineType) {

    public boolean smsCapable() {
        return phone != null && lineType != null && lineType.smsCapable();
    }
}
