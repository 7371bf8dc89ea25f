package org.optline.segments.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.optline.contacts.api.ContactQuery;
import org.optline.contacts.api.Contacts;
import org.optline.contacts.api.LineType;
import org.optline.contacts.api.SqlCondition;
import org.optline.platform.StoredEnums;
import org.optline.segments.api.AudiencePreview;
import org.optline.segments.api.ExclusionReason;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentType;
import org.optline.subscriptions.api.NumberBlockCheck;
import org.optline.subscriptions.api.State;
import org.optline.subscriptions.api.SubscriptionTypeView;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Counts and lists the audience of an SMS send in SQL. The preview groups the matching contacts by
 * what {@link Targeting} looks at (phone present, line type, explicit state, whether that state is
 * for the current number), so one pass over the segment returns a handful of rows that
 * {@link Targeting#exclusion} then sorts into reasons.
 *
 * <p>Two facts of the grouping come from outside the contact's own row, as the send decides them: a
 * blocked number (through {@link NumberBlockCheck}, which the messaging module implements), and
 * other reachable contacts of the audience with the same number. The second needs the consent rule in
 * SQL: {@link #sendable} states it there, beside the WHERE clause that {@link #reachable} uses for send
 * jobs. The preview counts the distinct numbers of the sendable contacts in the same pass, and the
 * sample checks each candidate for an earlier contact with its number.
 */
@ApplicationScoped
public class AudienceQueries {

    /** The stored names of the line types that can take texts, as SQL literals; they come from {@link LineType} only. */
    static final String SMS_CAPABLE_TYPES = Arrays.stream(LineType.values()).filter(LineType::smsCapable)
            .map(type -> "'" + type.name() + "'").collect(Collectors.joining(", "));

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    Contacts contacts;

    @Inject
    Instance<NumberBlockCheck> numberBlocks;

    @Inject
    AudienceIndex index;

    /**
     * Counts the contacts that match {@code segment} by the reason they are left out of a send under
     * {@code type}, and samples the first reachable ones by id. The {@link AudienceIndex} counts when it
     * has every field of the segment, and the SQL below counts otherwise.
     *
     * <p>The grouped pass also returns each group's lowest contact id, so the sample query starts at
     * the first reachable contact. Without that start, {@code ORDER BY c.id LIMIT n} walks the primary
     * key through every contact before the first reachable one, which costs as much as the count
     * itself when the segment selects recent contacts.
     */
    public AudiencePreview preview(SubscriptionTypeView type, ContactQuery segment, int sampleSize) {
        SqlCondition where = contacts.compile(segment);
        Optional<AudiencePreview> indexed = index.preview(type, segment, sampleSize);
        if (indexed.isPresent()) {
            return indexed.get();
        }
        boolean live = type.state() == State.LIVE;
        boolean optIn = type.consentType() == ConsentType.OPT_IN;
        // The contacts a send would text form groups of their own, with the line type and state columns
        // fixed. A number's block follows from the number, so all contacts of one number share a group,
        // even when they were typed at different times. Each number gets one message, so a group's distinct
        // numbers are reachable and the rest are shared. The inner query decides once per contact
        // whether it is sendable, and the outer one groups by it.
        String sendable = live ? sendable("c", "s", optIn) : "FALSE";
        String sql = "SELECT t.has_phone, CASE WHEN t.sendable THEN '" + LineType.MOBILE.name() + "' ELSE t.phone_type END, "
                + "CASE WHEN t.sendable THEN " + (optIn ? "'OPT_IN'" : "NULL") + " ELSE t.state END, "
                + "CASE WHEN t.sendable THEN " + optIn + " ELSE t.for_phone END, t.blocked, t.sendable, COUNT(*), "
                + "MIN(t.id), COUNT(DISTINCT CASE WHEN t.sendable THEN t.phone END) "
                + "FROM (SELECT c.id, c.phone, c.phone IS NOT NULL AS has_phone, c.phone_type, s.state, "
                + "s.phone <=> c.phone AS for_phone, c.phone IS NOT NULL AND " + blockedSql("c.phone") + " AS blocked, "
                + sendable + " AS sendable "
                + "FROM contact c LEFT JOIN consent_state s ON s.contact_id = c.id AND s.subscription_type_id = ? "
                + "WHERE c.deleted_at IS NULL AND (" + where.sql() + ")) t GROUP BY 1, 2, 3, 4, 5, 6";
        long matching = 0;
        long reachable = 0;
        long firstReachable = Long.MAX_VALUE;
        Map<ExclusionReason, Long> excluded = new EnumMap<>(ExclusionReason.class);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, type.id());
            bind(statement, 2, where.parameters());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Targeting.Contact group = new Targeting.Contact(rows.getBoolean(1), lineType(rows.getString(2)),
                            action(rows.getString(3)), rows.getBoolean(4), rows.getBoolean(5), false);
                    long count = rows.getLong(7);
                    matching += count;
                    Optional<ExclusionReason> reason = Targeting.exclusion(group, type.consentType(), live);
                    if (reason.isPresent()) {
                        excluded.merge(reason.get(), count, Long::sum);
                        continue;
                    }
                    long numbers = rows.getBoolean(6) ? rows.getLong(9) : count;
                    reachable += numbers;
                    firstReachable = Math.min(firstReachable, rows.getLong(8));
                    if (count > numbers) {
                        excluded.merge(ExclusionReason.DUPLICATE_NUMBER, count - numbers, Long::sum);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Counting the audience of type " + type.id() + " failed: " + e.getMessage(), e);
        }
        List<Long> sample = sampleSize > 0 && reachable > 0
                ? sample(type, segment, firstReachable - 1, sampleSize) : List.of();
        return new AudiencePreview(matching, reachable, sample, excluded);
    }

    /**
     * Returns the ids of the contacts after {@code afterContactId} that the preview counts as reachable,
     * ascending, at most {@code limit}. Unlike {@link #reachable}, it leaves out blocked numbers and the
     * later contacts of a shared number, which a send lists and then skips.
     */
    List<Long> sample(SubscriptionTypeView type, ContactQuery segment, long afterContactId, int limit) {
        if (type.state() != State.LIVE) {
            return List.of();
        }
        SqlCondition where = contacts.compile(segment);
        boolean optIn = type.consentType() == ConsentType.OPT_IN;
        String sql = "SELECT c.id FROM contact c "
                + "LEFT JOIN consent_state s ON s.contact_id = c.id AND s.subscription_type_id = ? "
                + "WHERE c.deleted_at IS NULL AND " + sendable("c", "s", optIn) + " AND NOT " + blockedSql("c.phone")
                + " AND NOT " + earlierSameNumber(optIn, where)
                + " AND (" + where.sql() + ") AND c.id > ? ORDER BY c.id LIMIT ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, type.id());
            int index = bindEarlierSameNumber(statement, 2, type, where);
            index = bind(statement, index, where.parameters());
            statement.setLong(index++, afterContactId);
            statement.setInt(index, limit);
            return ids(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("Sampling the audience of type " + type.id() + " failed: " + e.getMessage(), e);
        }
    }

    /** Returns the ids of the reachable contacts after {@code afterContactId}, ascending, at most {@code limit}. */
    public List<Long> reachable(SubscriptionTypeView type, ContactQuery segment, long afterContactId, int limit) {
        if (type.state() != State.LIVE) {
            return List.of();
        }
        SqlCondition where = contacts.compile(segment);
        Optional<List<Long>> indexed = index.reachable(type, segment, afterContactId, limit);
        if (indexed.isPresent()) {
            return indexed.get();
        }
        boolean optIn = type.consentType() == ConsentType.OPT_IN;
        String consent = optIn
                ? "JOIN consent_state s ON s.contact_id = c.id AND s.subscription_type_id = ? AND s.state = 'OPT_IN' "
                + "AND s.phone = c.phone "
                : "LEFT JOIN consent_state s ON s.contact_id = c.id AND s.subscription_type_id = ? ";
        String sql = "SELECT c.id FROM contact c " + consent
                + "WHERE c.deleted_at IS NULL AND c.phone IS NOT NULL AND c.phone_type IN (" + SMS_CAPABLE_TYPES + ") "
                + (optIn ? "" : "AND (s.contact_id IS NULL OR s.state = 'OPT_IN') ")
                + "AND (" + where.sql() + ") AND c.id > ? ORDER BY c.id LIMIT ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, type.id());
            int index = bind(statement, 2, where.parameters());
            statement.setLong(index++, afterContactId);
            statement.setInt(index, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Listing the audience of type " + type.id() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the SQL condition that the contact aliased {@code contact}, with its consent state for the
     * type left-joined as {@code state}, may be texted under a live type: a number with a line type
     * that takes texts, and an opt-in for that number (opt-in type) or no state or an opt-in (opt-out
     * type). Any other state counts as an opt-out, as {@link #action} reads it. {@link Targeting} states
     * the same rule for the grouped preview.
     */
    static String sendable(String contact, String state, boolean optIn) {
        String number = contact + ".phone IS NOT NULL AND " + contact + ".phone_type IN (" + SMS_CAPABLE_TYPES + ")";
        String consent = optIn
                ? state + ".state = 'OPT_IN' AND " + state + ".phone = " + contact + ".phone"
                : "(" + state + ".contact_id IS NULL OR " + state + ".state = 'OPT_IN')";
        return "(" + number + " AND " + consent + ")";
    }

    /**
     * Returns the SQL condition that a sendable contact of the segment with a lower id than {@code c.id}
     * has the number {@code c.phone}. A send claims its recipients by ascending id and gives each number
     * one message, so only the first such contact gets it. The segment's condition, written over the
     * alias {@code c}, is checked in an inner query that gives the other contact that alias. Its
     * parameters are bound by {@link #bindEarlierSameNumber}.
     */
    private static String earlierSameNumber(boolean optIn, SqlCondition where) {
        return "EXISTS (SELECT 1 FROM contact d "
                + "LEFT JOIN consent_state ds ON ds.contact_id = d.id AND ds.subscription_type_id = ? "
                + "WHERE d.phone = c.phone AND d.id < c.id AND d.deleted_at IS NULL AND " + sendable("d", "ds", optIn)
                + " AND EXISTS (SELECT 1 FROM contact c WHERE c.id = d.id AND (" + where.sql() + ")))";
    }

    private static int bindEarlierSameNumber(PreparedStatement statement, int first, SubscriptionTypeView type,
                                             SqlCondition where) throws SQLException {
        statement.setLong(first, type.id());
        return bind(statement, first + 1, where.parameters());
    }

    /**
     * Returns the SQL condition that the number in {@code phoneColumn} is blocked, or FALSE when no
     * module keeps blocked numbers.
     */
    private String blockedSql(String phoneColumn) {
        return numberBlocks.isResolvable() ? numberBlocks.get().blockedSql(phoneColumn) : "FALSE";
    }

    private static List<Long> ids(PreparedStatement statement) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    /**
     * Reads a stored line type ignoring case, as SQL compares it. A name this version does not know counts
     * as no type, so the number as invalid. {@link org.optline.contacts.api.ContactColumns} logs such a
     * name when it reads the contact's row.
     */
    static LineType lineType(String stored) {
        return StoredEnums.find(LineType.class, stored).orElse(null);
    }

    /**
     * Reads a stored consent state ignoring case, as SQL compares it, or null for none. A state other than
     * {@code OPT_IN} counts as an opt-out, as {@link #sendable} and the search field
     * {@code subscription_type.<id>} read it, so that a row SQL cannot call an opt-in never makes a
     * contact textable. The CHECK constraint of {@code consent_state.state} admits no other name.
     */
    static ConsentAction action(String stored) {
        if (stored == null) {
            return null;
        }
        return StoredEnums.find(ConsentAction.class, stored).orElse(ConsentAction.OPT_OUT);
    }

    private static int bind(PreparedStatement statement, int first, List<Object> parameters) throws SQLException {
        int index = first;
        for (Object parameter : parameters) {
            statement.setObject(index++, parameter);
        }
        return index;
    }
}
