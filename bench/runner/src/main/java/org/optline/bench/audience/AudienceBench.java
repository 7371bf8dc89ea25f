package org.optline.bench.audience;

import org.optline.bench.data.Catalog;
import org.optline.contacts.api.LineType;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Times the audience count of an SMS send under the opt-in type "Order updates" to a saved segment of
 * two conditions: a valid phone number, and created after a cutoff that leaves about 40% of the
 * contacts, counting those that earlier parts of the run added. It times the straightforward SQL join over JDBC and Optline's audience preview over HTTP,
 * as the segment editor requests it, and also the editor's live segment count. Each round runs the
 * three one after the other, so they share the machine's load.
 */
public final class AudienceBench {

    /** The share of contacts the segment is meant to match. */
    static final double TARGET_SHARE = 0.40;

    private static final Catalog.Type TYPE = Catalog.ORDER_UPDATES;
    private static final String SMS_CAPABLE = Arrays.stream(LineType.values()).filter(LineType::smsCapable)
            .map(type -> "'" + type.name() + "'").collect(Collectors.joining(", "));
    private static final Pattern PREVIEW_COUNTS = Pattern.compile("id=\"audience-reachable\">([0-9]+) of ([0-9]+)<");
    private static final Pattern EDITOR_COUNT = Pattern.compile(">([0-9]+) contacts? match");

    private final Connection connection;
    private final int warmups;
    private final int repeats;

    public AudienceBench(Connection connection, int warmups, int repeats) {
        if (warmups < 0 || repeats < 1) {
            throw new IllegalArgumentException("--warmups=" + warmups + " --repeats=" + repeats + " are out of range. "
                    + "Use 0 or more warm-ups and at least 1 repetition.");
        }
        this.connection = connection;
        this.warmups = warmups;
        this.repeats = repeats;
    }

    /** Saves the segment as the admin, checks that both ways count the same, then times them. */
    public void run(String baseUrl, String adminEmail, String adminPassword) throws SQLException, IOException,
            InterruptedException {
        long contacts = single("SELECT COUNT(*) FROM contact c WHERE c.deleted_at IS NULL");
        Instant cutoff = cutoff(contacts);
        String conditions = "{\"operator\":\"AND\",\"value\":[{\"field\":\"phone_valid\",\"operator\":\"=\",\"value\":true},"
                + "{\"field\":\"created_at\",\"operator\":\">\",\"value\":" + cutoff.getEpochSecond() + "}]}";
        long matching = segmentSize(cutoff);
        System.out.printf(Locale.ROOT, "Segment: phone_valid = true AND created_at > %s (%d); %,d of %,d contacts match (%.1f%%)%n",
                cutoff, cutoff.getEpochSecond(), matching, contacts, 100.0 * matching / contacts);

        AdminSession admin = AdminSession.signIn(baseUrl, adminEmail, adminPassword);
        long segmentId = admin.saveSegment("Benchmark: valid phone, created after " + cutoff, conditions);
        String previewPath = "/admin/segments/preview?type=" + TYPE.id() + "&segment=" + segmentId;
        String countPath = "/admin/segments/count?conditions=" + AdminSession.encode(conditions);

        long joined = joinCount(cutoff);
        long[] preview = previewCounts(admin.get(previewPath, true));
        long editor = editorCount(admin.get(countPath, true));
        System.out.printf(Locale.ROOT, "Reachable under \"%s\": SQL join %,d; Optline's preview %,d of %,d; editor count %,d%n",
                TYPE.name(), joined, preview[0], preview[1], editor);
        if (preview[0] != joined || preview[1] != matching || editor != matching) {
            throw new IllegalStateException("The counts disagree: the SQL join counts " + joined + " reachable of "
                    + matching + ", Optline's preview " + preview[0] + " of " + preview[1] + " and the editor "
                    + editor + ". The timings would compare different work; fix the disagreement first.");
        }

        List<Long> sqlNanos = new ArrayList<>();
        List<Long> previewNanos = new ArrayList<>();
        List<Long> editorNanos = new ArrayList<>();
        for (int round = 0; round < warmups + repeats; round++) {
            boolean measured = round >= warmups;
            long start = System.nanoTime();
            joinCount(cutoff);
            long sqlDone = System.nanoTime();
            admin.get(previewPath, true);
            long previewDone = System.nanoTime();
            admin.get(countPath, true);
            long editorDone = System.nanoTime();
            if (measured) {
                sqlNanos.add(sqlDone - start);
                previewNanos.add(previewDone - sqlDone);
                editorNanos.add(editorDone - previewDone);
            }
        }
        System.out.printf(Locale.ROOT, "RESULT audience_matching=%d%nRESULT audience_match_percent=%.1f%n"
                        + "RESULT audience_reachable=%d%nRESULT audience_cutoff=%s%nRESULT audience_rounds=%d+%d%n",
                matching, 100.0 * matching / contacts, joined, cutoff, warmups, repeats);
        print("audience_sql", sqlNanos);
        print("audience_optline", previewNanos);
        print("audience_editor", editorNanos);
    }

    /**
     * Returns the creation time after which about {@link #TARGET_SHARE} of the {@code contacts} have a
     * valid number. The contacts that the form part added are the newest, so a cutoff computed from the
     * generated contacts alone would let the segment match more than that share.
     */
    private Instant cutoff(long contacts) throws SQLException {
        long newerContacts = Math.round(contacts * TARGET_SHARE);
        try (PreparedStatement select = connection.prepareStatement("SELECT c.created_at FROM contact c "
                + "WHERE c.deleted_at IS NULL AND c.phone IS NOT NULL AND c.phone_type IS NOT NULL "
                + "ORDER BY c.created_at DESC LIMIT 1 OFFSET ?")) {
            select.setLong(1, newerContacts);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("At most " + newerContacts + " of " + contacts + " contacts have a "
                            + "valid number, fewer than the segment is meant to match. Generate the data set again.");
                }
                return rows.getTimestamp(1).toInstant();
            }
        }
    }

    private long segmentSize(Instant cutoff) throws SQLException {
        return single("SELECT COUNT(*) FROM contact c WHERE c.deleted_at IS NULL AND c.phone IS NOT NULL "
                + "AND c.phone_type IS NOT NULL AND c.created_at > ?", Timestamp.from(cutoff));
    }

    /**
     * Counts the reachable contacts with the obvious query: every segment contact with a number that
     * can take texts, joined to its opt-in state for the type, recorded for its current number. A send
     * texts each number once and skips numbers that texted STOP, so it counts the distinct numbers
     * that are not blocked.
     */
    private long joinCount(Instant cutoff) throws SQLException {
        return single("SELECT COUNT(DISTINCT c.phone) FROM contact c JOIN consent_state s ON s.contact_id = c.id "
                + "AND s.subscription_type_id = ? AND s.state = 'OPT_IN' AND s.phone = c.phone "
                + "WHERE c.deleted_at IS NULL AND c.phone IS NOT NULL AND c.phone_type IS NOT NULL "
                + "AND c.phone_type IN (" + SMS_CAPABLE + ") AND c.created_at > ? "
                + "AND NOT EXISTS (SELECT 1 FROM sms_number_block b WHERE b.phone = c.phone)",
                TYPE.id(), Timestamp.from(cutoff));
    }

    private long single(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Reads "reachable of matching" from the preview fragment. */
    private static long[] previewCounts(String fragment) {
        Matcher matcher = PREVIEW_COUNTS.matcher(fragment);
        if (!matcher.find()) {
            throw new IllegalStateException("The audience preview has no reachable count: " + fragment);
        }
        return new long[]{Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))};
    }

    private static long editorCount(String fragment) {
        Matcher matcher = EDITOR_COUNT.matcher(fragment);
        if (!matcher.find()) {
            throw new IllegalStateException("The editor's count fragment has no count: " + fragment);
        }
        return Long.parseLong(matcher.group(1));
    }

    /** Prints the median, 95th percentile (nearest rank) and maximum in milliseconds. */
    private static void print(String name, List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int size = sorted.size();
        double median = size % 2 == 1 ? sorted.get(size / 2) : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2.0;
        long p95 = sorted.get((int) Math.ceil(0.95 * size) - 1);
        System.out.printf(Locale.ROOT, "RESULT %s_median_ms=%.1f%nRESULT %s_p95_ms=%.1f%nRESULT %s_max_ms=%.1f%n",
                name, median / 1e6, name, p95 / 1e6, name, sorted.getLast() / 1e6);
    }
}
