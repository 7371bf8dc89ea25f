package org.optline.messaging.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The daily window in which no SMS is sent, in the recipient's local time: 21:00 to 08:00 by default.
 * A window whose start is after its end spans midnight. When a number may be in several time zones,
 * a message is sent only at a time that is outside the window in every one of them.
 */
public final class QuietHours {

    /** How far ahead a time allowed in every zone is looked for. */
    private static final int SEARCH_DAYS = 3;

    private final LocalTime start;
    private final LocalTime end;

    public QuietHours(LocalTime start, LocalTime end) {
        if (start.equals(end)) {
            throw new IllegalArgumentException("Quiet hours from " + start + " to " + end + " are empty. Set a start "
                    + "different from the end, such as 21:00 to 08:00.");
        }
        this.start = start;
        this.end = end;
    }

    /** Returns whether {@code time} is inside the window in {@code zone}. */
    public boolean isQuiet(Instant time, ZoneId zone) {
        LocalTime local = time.atZone(zone).toLocalTime();
        if (start.isBefore(end)) {
            return !local.isBefore(start) && local.isBefore(end);
        }
        return !local.isBefore(start) || local.isBefore(end);
    }

    /**
     * Returns the first time from {@code now} on at which sending is allowed in all {@code zones}:
     * {@code now} itself when it is allowed, else the earliest end of the window in one of the zones
     * that is allowed in all of them.
     *
     * @throws IllegalStateException when no such time exists within three days, because the zones are
     *                               so far apart that their allowed hours never overlap
     */
    public Instant nextAllowed(Instant now, List<ZoneId> zones) {
        if (zones.isEmpty()) {
            throw new IllegalArgumentException("No time zone given");
        }
        if (allowedEverywhere(now, zones)) {
            return now;
        }
        List<Instant> candidates = new ArrayList<>();
        for (ZoneId zone : zones) {
            LocalDate day = now.atZone(zone).toLocalDate().minusDays(1);
            for (int i = 0; i <= SEARCH_DAYS + 1; i++) {
                Instant opening = ZonedDateTime.of(day.plusDays(i), end, zone).toInstant();
                if (opening.isAfter(now)) {
                    candidates.add(opening);
                }
            }
        }
        Optional<Instant> first = candidates.stream().sorted().filter(time -> allowedEverywhere(time, zones)).findFirst();
        return first.orElseThrow(() -> new IllegalStateException("Zones " + zones + " have no common time outside "
                + "the quiet hours " + start + " to " + end));
    }

    private boolean allowedEverywhere(Instant time, List<ZoneId> zones) {
        return zones.stream().noneMatch(zone -> isQuiet(time, zone));
    }

    public LocalTime start() {
        return start;
    }

    public LocalTime end() {
        return end;
    }
}
