package org.optline.messaging.control;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuietHoursTest {

    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    @Test
    void daytimeIsAllowedAtOnce() {
        Instant noonParis = Instant.parse("2027-01-15T11:00:00Z");
        assertEquals(noonParis, NIGHT.nextAllowed(noonParis, List.of(PARIS)));
    }

    @Test
    void nightIsHeldUntilEightLocal() {
        Instant lateParis = Instant.parse("2027-01-15T21:30:00Z");
        assertTrue(NIGHT.isQuiet(lateParis, PARIS));
        assertEquals(Instant.parse("2027-01-16T07:00:00Z"), NIGHT.nextAllowed(lateParis, List.of(PARIS)));
    }

    @Test
    void windowBoundaries() {
        assertFalse(NIGHT.isQuiet(Instant.parse("2027-01-15T19:59:59Z"), PARIS));
        assertTrue(NIGHT.isQuiet(Instant.parse("2027-01-15T20:00:00Z"), PARIS));
        assertTrue(NIGHT.isQuiet(Instant.parse("2027-01-16T06:59:59Z"), PARIS));
        assertFalse(NIGHT.isQuiet(Instant.parse("2027-01-16T07:00:00Z"), PARIS));
    }

    @Test
    void severalZonesWaitForTheLatestMorning() {
        // 13:30 UTC is 08:30 in New York but 05:30 in Los Angeles, so the message waits for 08:00 there.
        Instant now = Instant.parse("2027-01-15T13:30:00Z");
        assertEquals(Instant.parse("2027-01-15T16:00:00Z"), NIGHT.nextAllowed(now, List.of(NEW_YORK, LOS_ANGELES)));
    }

    @Test
    void severalZonesStopAtTheEarliestEvening() {
        // 02:30 UTC is 21:30 in New York (quiet) and 18:30 in Los Angeles (allowed): held until New York's morning.
        Instant now = Instant.parse("2027-01-16T02:30:00Z");
        assertEquals(Instant.parse("2027-01-16T16:00:00Z"), NIGHT.nextAllowed(now, List.of(NEW_YORK, LOS_ANGELES)));
    }

    @Test
    void windowWithinOneDay() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0));
        assertTrue(lunch.isQuiet(Instant.parse("2027-01-15T12:30:00Z"), ZoneId.of("UTC")));
        assertFalse(lunch.isQuiet(Instant.parse("2027-01-15T13:00:00Z"), ZoneId.of("UTC")));
        assertEquals(Instant.parse("2027-01-15T13:00:00Z"),
                lunch.nextAllowed(Instant.parse("2027-01-15T12:30:00Z"), List.of(ZoneId.of("UTC"))));
    }

    @Test
    void daylightSavingChangeKeepsLocalEight() {
        // Paris moves to summer time on 2027-03-28; the morning after is at 06:00 UTC.
        Instant night = Instant.parse("2027-03-27T22:00:00Z");
        assertEquals(Instant.parse("2027-03-28T06:00:00Z"), NIGHT.nextAllowed(night, List.of(PARIS)));
    }
}
