package org.optline.messaging.boundary;

import org.optline.messaging.control.RecipientReason;
import org.optline.messaging.control.SendProgress;
import org.optline.messaging.control.SendView;
import org.optline.platform.StoredEnums;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** A send with the names of its type and segment and its progress, for the send pages. */
public record SendModel(SendView send, String typeName, String segmentName, SendProgress progress) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    public long count(String state) {
        return progress.count(state);
    }

    /** The reasons of the recipients in {@code state}, with their counts, as labels. */
    public List<Map.Entry<String, Long>> reasons(String state) {
        return progress.byReason().entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(state + "/"))
                .map(entry -> Map.entry(label(entry.getKey().substring(state.length() + 1)), entry.getValue()))
                .toList();
    }

    private static String label(String reason) {
        return StoredEnums.find(RecipientReason.class, reason).map(RecipientReason::label).orElse(reason);
    }

    public String stateLabel() {
        return switch (send.state()) {
            case "SCHEDULED" -> "Scheduled for " + time(send.scheduledAt());
            case "LISTING" -> "Finding recipients";
            case "SENDING" -> "Sending";
            case "DONE" -> "Done";
            default -> send.state();
        };
    }
}
