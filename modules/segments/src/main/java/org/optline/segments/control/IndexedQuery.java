package org.optline.segments.control;

import org.optline.contacts.api.ContactQuery;
import org.optline.contacts.api.ContactQuery.Condition;
import org.optline.contacts.api.ContactQuery.Operator;
import org.optline.contacts.api.LineType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a {@link ContactQuery} into a test over {@link AudienceColumns}, for the fields the columns
 * hold: {@code id}, {@code role}, {@code phone} compared with null, {@code phone_type},
 * {@code phone_valid}, {@code sms_capable}, the four times and {@code subscription_type.<id>}. Any other
 * field (text fields, custom attributes, numbers by value) makes the whole query unsupported, and the
 * caller counts in SQL.
 *
 * <p>Each test returns the same result as the SQL that the contacts module's {@code SearchCompiler} and
 * the subscriptions module's search field write for the condition. SQL's unknown counts as false:
 * the language has no NOT over a group, so an unknown part never turns into a match further up.
 * The caller compiles the query to SQL first, which rejects invalid queries with their message, so an
 * odd value here only makes the query unsupported.
 */
final class IndexedQuery {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,18}");
    /** The first and last whole seconds of MariaDB's DATETIME range, 1000-01-01 and 9999-12-31 23:59:59 UTC. */
    private static final long FIRST_DATETIME_SECOND = -30_610_224_000L;
    private static final long LAST_DATETIME_SECOND = 253_402_300_799L;

    /** Whether the contact at a position of the columns matches. */
    @FunctionalInterface
    interface Match {
        boolean test(AudienceColumns columns, int position);
    }

    private IndexedQuery() {
    }

    /** Returns the test for {@code query}, or empty when a condition names a field the columns do not hold. */
    static Optional<Match> compile(ContactQuery query) {
        return switch (query) {
            case ContactQuery.All all -> Optional.of((columns, position) -> true);
            case ContactQuery.Group group -> group(group);
            case Condition condition -> condition(condition);
        };
    }

    private static Optional<Match> group(ContactQuery.Group group) {
        List<Match> parts = new ArrayList<>();
        for (ContactQuery part : group.parts()) {
            Optional<Match> match = compile(part);
            if (match.isEmpty()) {
                return Optional.empty();
            }
            parts.add(match.get());
        }
        Match[] all = parts.toArray(Match[]::new);
        if (group.and()) {
            return Optional.of((columns, position) -> {
                for (Match part : all) {
                    if (!part.test(columns, position)) {
                        return false;
                    }
                }
                return true;
            });
        }
        return Optional.of((columns, position) -> {
            for (Match part : all) {
                if (part.test(columns, position)) {
                    return true;
                }
            }
            return false;
        });
    }

    private static Optional<Match> condition(Condition condition) {
        String field = condition.field();
        return switch (field) {
            case "id" -> whole(condition).map(values -> compare(condition.operator(), values, (columns, p) -> columns.ids[p]));
            case "role" -> role(condition);
            case "phone" -> condition.value() == null
                    ? nullCheck(condition, (columns, p) -> columns.phones[p] == AudienceColumns.NO_PHONE)
                    : Optional.empty();
            case "phone_type" -> phoneType(condition);
            case "phone_valid" -> flag(condition, (columns, p) -> columns.phones[p] != AudienceColumns.NO_PHONE
                    && columns.lineTypes[p] != AudienceColumns.NO_LINE_TYPE);
            case "sms_capable" -> flag(condition, (columns, p) -> columns.phones[p] != AudienceColumns.NO_PHONE
                    && smsCapable(columns.lineTypes[p]));
            case "created_at" -> time(condition, (columns, p) -> columns.createdAt[p]);
            case "updated_at" -> time(condition, (columns, p) -> columns.updatedAt[p]);
            case "signed_up_at" -> time(condition, (columns, p) -> columns.signedUpAt[p]);
            case "last_seen_at" -> time(condition, (columns, p) -> columns.lastSeenAt[p]);
            default -> field.startsWith("subscription_type.") ? subscription(condition) : Optional.empty();
        };
    }

    @FunctionalInterface
    private interface Column {
        long read(AudienceColumns columns, int position);
    }

    /** Compares a column that is never null with whole numbers, as SQL compares {@code c.id}. */
    private static Match compare(Operator operator, long[] values, Column column) {
        long value = values[0];
        return switch (operator) {
            case EQUALS -> (columns, p) -> column.read(columns, p) == value;
            case NOT_EQUALS -> (columns, p) -> column.read(columns, p) != value;
            case LESS -> (columns, p) -> column.read(columns, p) < value;
            case LESS_OR_EQUAL -> (columns, p) -> column.read(columns, p) <= value;
            case GREATER -> (columns, p) -> column.read(columns, p) > value;
            case GREATER_OR_EQUAL -> (columns, p) -> column.read(columns, p) >= value;
            case IN -> (columns, p) -> contains(values, column.read(columns, p));
            case NOT_IN -> (columns, p) -> !contains(values, column.read(columns, p));
            default -> throw new IllegalArgumentException("Operator " + operator + " was not checked");
        };
    }

    /** Compares a time column; a contact without the time matches no comparison, as SQL's NULL does not. */
    private static Optional<Match> time(Condition condition, Column column) {
        if (condition.value() == null) {
            return nullCheck(condition, (columns, p) -> column.read(columns, p) == AudienceColumns.NO_TIME);
        }
        Optional<long[]> seconds = whole(condition);
        if (seconds.isEmpty()) {
            return Optional.empty();
        }
        long[] micros = new long[seconds.get().length];
        for (int i = 0; i < micros.length; i++) {
            // Beyond DATETIME's range, MariaDB's comparison of the bound value differs from a plain
            // one, so such a time is left to SQL.
            if (seconds.get()[i] < FIRST_DATETIME_SECOND || seconds.get()[i] > LAST_DATETIME_SECOND) {
                return Optional.empty();
            }
            micros[i] = seconds.get()[i] * 1_000_000L;
        }
        Match compared = compare(condition.operator(), micros, column);
        return Optional.of((columns, p) -> column.read(columns, p) != AudienceColumns.NO_TIME && compared.test(columns, p));
    }

    private static Optional<Match> role(Condition condition) {
        Optional<List<?>> values = equalityValues(condition);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        boolean user = false;
        boolean lead = false;
        for (Object value : values.get()) {
            String role = String.valueOf(value).strip().toLowerCase(Locale.ROOT);
            user |= role.equals("user");
            lead |= role.equals("lead");
        }
        boolean negated = negated(condition.operator());
        boolean matchesUser = user != negated;
        boolean matchesLead = lead != negated;
        return Optional.of((columns, p) -> columns.leads[p] ? matchesLead : matchesUser);
    }

    private static Optional<Match> phoneType(Condition condition) {
        if (condition.value() == null) {
            return nullCheck(condition, (columns, p) -> columns.lineTypes[p] == AudienceColumns.NO_LINE_TYPE);
        }
        Optional<List<?>> values = equalityValues(condition);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        boolean[] named = new boolean[AudienceColumns.UNREADABLE_LINE_TYPE + 1];
        for (Object value : values.get()) {
            String name = String.valueOf(value).strip().toUpperCase(Locale.ROOT);
            Optional<LineType> type = Arrays.stream(LineType.values()).filter(t -> t.name().equals(name)).findFirst();
            if (type.isEmpty()) {
                return Optional.empty();
            }
            named[type.get().ordinal() + 1] = true;
        }
        // The SQL of a negated match keeps the contacts without a line type, and so does this.
        boolean negated = negated(condition.operator());
        return Optional.of((columns, p) -> named[columns.lineTypes[p]] != negated);
    }

    private static Optional<Match> subscription(Condition condition) {
        String id = condition.field().substring("subscription_type.".length());
        if (!WHOLE_NUMBER.matcher(id).matches()) {
            return Optional.empty();
        }
        long typeId = Long.parseLong(id);
        Optional<List<?>> values = equalityValues(condition);
        if (values.isEmpty()) {
            return Optional.empty();
        }

        boolean none = false;
        boolean in = false;
        boolean out = false;
        for (Object value : values.get()) {
            switch (String.valueOf(value).strip().toLowerCase(Locale.ROOT)) {
                case "not_set" -> none = true;
                case "opted_in" -> in = true;
                case "opted_out" -> out = true;
                default -> {
                    return Optional.empty();
                }
            }
        }

        boolean matchesNone = none;
        boolean matchesIn = in;
        boolean matchesOut = out;
        boolean negated = negated(condition.operator());
        return Optional.of((columns, p) -> {
            byte state = columns.state(typeId, p);
            boolean any = state == AudienceColumns.STATE_NONE ? matchesNone
                    : state <= AudienceColumns.STATE_IN_OTHER_PHONE ? matchesIn : matchesOut;
            return any != negated;
        });
    }

    /** Matches a yes-or-no field given as true or false, or as the text "true" or "false". */
    private static Optional<Match> flag(Condition condition, Match truth) {
        Object value = condition.value();
        String text = value == null ? "" : value.toString().strip().toLowerCase(Locale.ROOT);
        boolean known = (value instanceof Boolean || value instanceof String) && (text.equals("true") || text.equals("false"));
        if (!known || (condition.operator() != Operator.EQUALS && condition.operator() != Operator.NOT_EQUALS)) {
            return Optional.empty();
        }
        boolean expected = text.equals("true") == (condition.operator() == Operator.EQUALS);
        return Optional.of((columns, p) -> truth.test(columns, p) == expected);
    }

    private static Optional<Match> nullCheck(Condition condition, Match isNull) {
        return switch (condition.operator()) {
            case EQUALS -> Optional.of(isNull);
            case NOT_EQUALS -> Optional.of((columns, p) -> !isNull.test(columns, p));
            default -> Optional.empty();
        };
    }

    /** Returns the values of =, !=, IN or NIN, or empty for another operator or a malformed list. */
    private static Optional<List<?>> equalityValues(Condition condition) {
        return switch (condition.operator()) {
            case EQUALS, NOT_EQUALS -> Optional.of(Collections.singletonList(condition.value()));
            case IN, NOT_IN -> condition.value() instanceof List<?> list && !list.isEmpty() ? Optional.of(list) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** Returns the whole numbers of a comparison, or empty for a text operator, a fraction or a list where none belongs. */
    private static Optional<long[]> whole(Condition condition) {
        Operator operator = condition.operator();
        boolean list = operator == Operator.IN || operator == Operator.NOT_IN;
        if (operator == Operator.CONTAINS || operator == Operator.NOT_CONTAINS || operator == Operator.STARTS_WITH
                || operator == Operator.ENDS_WITH || condition.value() == null || list != condition.value() instanceof List<?>) {
            return Optional.empty();
        }
        List<?> values = list ? (List<?>) condition.value() : List.of(condition.value());
        if (values.isEmpty()) {
            return Optional.empty();
        }
        long[] numbers = new long[values.size()];
        for (int i = 0; i < numbers.length; i++) {
            Object value = values.get(i);
            if (value instanceof Long || value instanceof Integer) {
                numbers[i] = ((Number) value).longValue();
            } else if (value instanceof String text && WHOLE_NUMBER.matcher(text.strip()).matches()) {
                numbers[i] = Long.parseLong(text.strip());
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(numbers);
    }

    private static boolean negated(Operator operator) {
        return operator == Operator.NOT_EQUALS || operator == Operator.NOT_IN;
    }

    private static boolean smsCapable(byte lineType) {
        return lineType != AudienceColumns.NO_LINE_TYPE && lineType != AudienceColumns.UNREADABLE_LINE_TYPE
                && LineType.values()[lineType - 1].smsCapable();
    }

    private static boolean contains(long[] values, long value) {
        for (long candidate : values) {
            if (candidate == value) {
                return true;
            }
        }
        return false;
    }
}
