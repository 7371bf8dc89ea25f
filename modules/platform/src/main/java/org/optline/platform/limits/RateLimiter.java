package org.optline.platform.limits;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Counts requests per key in fixed one-minute windows kept in MariaDB ({@code rate_limit_window}), so
 * that every app instance adds to the same counters and a limit applies across instances.
 * A counter's key is its kind followed by the hex SHA-256 of the counted value, so any value, of any
 * length or script, gets its own ASCII key of fixed length, and no client address is stored in clear.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());
    public static final long WINDOW_SECONDS = 60;
    /** Every this many counted requests, an instance deletes the windows that have ended. */
    private static final long PURGE_EVERY = 500;

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    Clock clock;

    private final AtomicLong counted = new AtomicLong();

    /**
     * Counts one request of {@code value}, such as a client IP address, in the counter of {@code kind},
     * such as {@code ip}. Returns the seconds until the current window ends when the counter went over
     * {@code limit} requests per minute, else empty.
     *
     * @param kind an ASCII name of at most 95 characters that keeps this limit's counters apart from
     *             other limits on the same values
     */
    public OptionalLong hit(String kind, String value, int limit) {
        long now = clock.instant().getEpochSecond();
        long windowStart = now - Math.floorMod(now, WINDOW_SECONDS);
        String key = bucketKey(kind, value);
        try (Connection connection = dataSource.getConnection()) {
            int hits = count(connection, key, windowStart);
            if (counted.incrementAndGet() % PURGE_EVERY == 0) {
                purge(connection, windowStart);
            }
            if (hits > limit) {
                if (hits == limit + 1) {
                    LOG.warning(() -> "Rate limit of " + limit + " requests per minute reached by a " + kind
                            + " counter; later requests in this minute are rejected without a log line");
                }
                return OptionalLong.of(windowStart + WINDOW_SECONDS - now);
            }
            return OptionalLong.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Counting a " + kind + " request failed: " + e.getMessage(), e);
        }
    }

    /**
     * Returns what a limit per client address counts for {@code address}, a literal IP address such as
     * {@code HttpServletRequest.getRemoteAddr()} returns: an IPv4 address as it is, and an IPv6 address as
     * its /64 network, such as {@code 2001:db8:0:1::/64}. An IPv6 subscriber usually gets a whole /64 and
     * can send each request from another address in it. Any other value is returned unchanged.
     */
    public static String clientNetwork(String address) {
        if (address == null || address.indexOf(':') < 0 || address.indexOf('.') >= 0) {
            return address;
        }
        String literal = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        List<String> groups = ipv6Groups(literal);
        if (groups.size() != 8 || !groups.stream().allMatch(group -> group.matches("[0-9A-Fa-f]{1,4}"))) {
            return address;
        }
        StringBuilder network = new StringBuilder();
        for (String group : groups.subList(0, 4)) {
            network.append(Integer.toHexString(Integer.parseInt(group, 16))).append(':');
        }
        return network.append(":/64").toString();
    }

    /** Splits an IPv6 address into its groups, with the zero groups that {@code ::} replaces written out. */
    private static List<String> ipv6Groups(String literal) {
        int gap = literal.indexOf("::");
        if (gap < 0) {
            return List.of(literal.split(":", -1));
        }
        List<String> head = gap == 0 ? List.of() : List.of(literal.substring(0, gap).split(":", -1));
        String tailText = literal.substring(gap + 2);
        List<String> tail = tailText.isEmpty() ? List.of() : List.of(tailText.split(":", -1));
        List<String> groups = new ArrayList<>(head);
        for (int i = head.size() + tail.size(); i < 8; i++) {
            groups.add("0");
        }
        groups.addAll(tail);
        return groups;
    }

    /** Returns the key of the counter of {@code value}: {@code kind:} and the value's hex SHA-256. */
    public static String bucketKey(String kind, String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return kind + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK offers no SHA-256", e);
        }
    }

    /**
     * Adds one hit to the counter and returns its new value, in one statement. An update hands the new
     * value back through {@code LAST_INSERT_ID(expr)}, which the server returns with the result as the
     * generated key. The table has no auto-increment column, so an insert returns no key: that is the
     * window's first hit.
     */
    private static int count(Connection connection, String key, long windowStart) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO rate_limit_window "
                + "(bucket, window_start, hits) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE hits = LAST_INSERT_ID(hits + 1)",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
            upsert.setString(1, key);
            upsert.setLong(2, windowStart);
            int affected = upsert.executeUpdate();
            try (ResultSet generated = upsert.getGeneratedKeys()) {
                long hits = generated.next() ? generated.getLong(1) : 0;
                if (hits > 0) {
                    return (int) Math.min(hits, Integer.MAX_VALUE);
                }
            }
            if (affected == 1) {
                return 1;
            }
        }
        // The driver returned no count for an update, so the counter is read.
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT hits FROM rate_limit_window WHERE bucket = ? AND window_start = ?")) {
            select.setString(1, key);
            select.setLong(2, windowStart);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getInt(1) : 1;
            }
        }
    }

    private static void purge(Connection connection, long currentWindow) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM rate_limit_window WHERE window_start < ?")) {
            delete.setLong(1, currentWindow);
            delete.executeUpdate();
        }
    }
}
