package org.optline.contacts.api;

/**
 * What kind of line a phone number is, as libphonenumber reads it from the number's pattern. In the
 * US and Canada mobile and fixed numbers share patterns, so most of them are FIXED_LINE_OR_MOBILE.
 */
public enum LineType {
    MOBILE(true),
    FIXED_LINE_OR_MOBILE(true),
    VOIP(true),
    TOLL_FREE(true),
    PERSONAL_NUMBER(true),
    /** A landline: flagged, and never given SMS consent. */
    FIXED_LINE(false),
    PREMIUM_RATE(false),
    SHARED_COST(false),
    PAGER(false),
    UAN(false),
    VOICEMAIL(false),
    /** A valid number whose kind the metadata does not tell. */
    UNKNOWN(true);

    private final boolean smsCapable;

    LineType(boolean smsCapable) {
        this.smsCapable = smsCapable;
    }

    /** Returns whether the number may take texts, so that SMS consent may be recorded for it. */
    public boolean smsCapable() {
        return smsCapable;
    }
}
