package org.optline.messaging.api;

import java.time.ZoneId;
import java.util.List;

/**
 * Finds the time zones a phone number may be in, for quiet hours. The app provides the implementation,
 * because libphonenumber's time zone data shares a Java package with libphonenumber itself, which a
 * named module cannot read from two jars.
 */
public interface PhoneTimeZones {

    /**
     * Returns the zones of a number in E.164 form, or an empty list when nothing is known of it. Several
     * zones mean the number may be in any of them.
     */
    List<ZoneId> zonesOf(String e164);
}
