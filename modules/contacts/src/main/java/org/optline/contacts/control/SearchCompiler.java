package org.optline.contacts.control;

import org.optline.contacts.api.ContactQuery;
import org.optline.contacts.api.ContactQuery.Condition;
import org.optline.contacts.api.ContactQuery.Operator;
import org.optline.contacts.api.LineType;
import org.optline.contacts.api.SearchFieldProvider;
import org.optline.contacts.api.SqlCondition;
import org.optline.platform.InvalidInputException;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a {@link ContactQuery} into a parameterized SQL condition over {@code contact c}. Values are
 * always bound as parameters; field names come from a fixed list or from a provider, never from the
 * request text, so a query cannot inject SQL.
 */
public final class SearchCompiler {

    /** Intercom allows two levels of nested groups and 15 parts in a group. */
    public static final int MAX_DEPTH = 3;
    public static final int MAX_PARTS = 15;

    static final Set<String> STRING_FIELDS = Set.of("name", "email", "external_id");
    static final Set<String> TIME_FIELDS = Set.of("created_at", "updated_at", "signed_up_at", "last_seen_at");
    private static final Set<Operator> EQUALITY = EnumSet.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.IN, Operator.NOT_IN);
    private static final Set<Operator> ORDERING = EnumSet.of(Operator.LESS, Operator.LESS_OR_EQUAL, Operator.GREATER,
            Operator.GREATER_OR_EQUAL);
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,18}");
    private static final Set<Operator> TEXT = EnumSet.of(Operator.CONTAINS, Operator.NOT_CONTAINS, Operator.STARTS_WITH,
            Operator.ENDS_WITH);

    /**
     * The stored names of the line types that can take texts, as an SQL list of literals. They come from
     * {@link LineType}, never from a request.
     */
    static final String SMS_CAPABLE_TYPES = Arrays.stream(LineType.values()).filter(LineType::smsCapable)
            .map(type -> "'" + type.name() + "'").collect(Collectors.joining(", "));

    private final List<SearchFieldProvider> providers;
    private final String defaultCountry;

    public SearchCompiler(List<SearchFieldProvider> providers, String defaultCountry) {
        this.providers = List.copyOf(providers);
        this.defaultCountry = defaultCountry;
    }

    public SqlCondition compile(ContactQuery query) {
        List<Object> parameters = new ArrayList<>();
        String sql = compile(query, parameters, 1);
        return new SqlCondition(sql, parameters);
    }

    private String compile(ContactQuery query, List<Object> parameters, int depth) {
        return switch (query) {
            case ContactQuery.All all -> "1 = 1";
            case ContactQuery.Group group -> group(group, parameters, depth);
            case Condition condition -> condition(condition, parameters);
        };
    }

    private String group(ContactQuery.Group group, List<Object> parameters, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidInputException("query", "The query nests groups " + depth + " deep; at most "
                    + (MAX_DEPTH - 1) + " levels of nested groups are allowed. Flatten it.");
        }
        if (group.parts().isEmpty()) {
            throw new InvalidInputException("query.value", "A group needs at least one filter in value.");
        }
        if (group.parts().size() > MAX_PARTS) {
            throw new InvalidInputException("query.value", "A group has " + group.parts().size() + " filters; at most "
                    + MAX_PARTS + " are allowed. Split it into nested groups.");
        }
        List<String> parts = new ArrayList<>();
        for (ContactQuery part : group.parts()) {
            parts.add("(" + compile(part, parameters, depth + 1) + ")");
        }
        return String.join(group.and() ? " AND " : " OR ", parts);
    }

    private String condition(Condition condition, List<Object> parameters) {
        String field = condition.field();
        if (field.equals("id")) {
            return compare("c.id", condition, parameters, ValueKind.NUMBER);
        }
        if (field.equals("role")) {
            return role(condition, parameters);
        }
        if (STRING_FIELDS.contains(field)) {
            return compare("c." + field, condition, parameters, ValueKind.TEXT);
        }
        if (field.equals("phone")) {
            return phone(condition, parameters);
        }
        if (field.equals("phone_type")) {
            return phoneType(condition, parameters);
        }
        if (field.equals("phone_valid")) {
            return flag(condition, "c.phone IS NOT NULL AND c.phone_type IS NOT NULL");
        }
        if (field.equals("sms_capable")) {
            return flag(condition, "c.phone IS NOT NULL AND c.phone_type IS NOT NULL AND c.phone_type IN (" + SMS_CAPABLE_TYPES + ")");
        }
        if (TIME_FIELDS.contains(field)) {
            return compare("c." + field, condition, parameters, ValueKind.TIME);
        }
        if (field.startsWith("custom_attributes.")) {
            return customAttribute(condition, parameters);
        }
        for (SearchFieldProvider provider : providers) {
            if (provider.provides(field)) {
                SqlCondition sql = provider.toSql(condition);
                parameters.addAll(sql.parameters());
                return sql.sql();
            }
        }
        throw new InvalidInputException("query.field", "Field '" + field + "' cannot be searched. Use id, role, name, "
                + "email, phone, phone_type, phone_valid, sms_capable, external_id, created_at, updated_at, signed_up_at, last_seen_at, "
                + "custom_attributes.<name> or subscription_type.<id>.");
    }

    private enum ValueKind { TEXT, NUMBER, TIME }

    private String compare(String column, Condition condition, List<Object> parameters, ValueKind kind) {
        Operator operator = condition.operator();
        Object value = condition.value();
        if (value == null) {
            return nullCheck(column, condition);
        }
        if (operator == Operator.IN || operator == Operator.NOT_IN) {
            List<?> values = list(condition);
            List<String> marks = new ArrayList<>();
            for (Object item : values) {
                parameters.add(bind(condition, item, kind));
                marks.add("?");
            }
            return column + (operator == Operator.IN ? " IN (" : " NOT IN (") + String.join(", ", marks) + ")";
        }
        if (TEXT.contains(operator)) {
            if (kind != ValueKind.TEXT) {
                throw unsupported(condition, "=, !=, IN, NIN, <, <=, > and >=");
            }
            parameters.add(likePattern(operator, text(condition, value)));
            return column + (operator == Operator.NOT_CONTAINS ? " NOT LIKE ?" : " LIKE ?");
        }
        if (ORDERING.contains(operator) && kind == ValueKind.TEXT) {
            throw unsupported(condition, "=, !=, IN, NIN, ~, !~, ^ and $");
        }
        parameters.add(bind(condition, value, kind));
        return column + " " + sqlOperator(operator) + " ?";
    }

    private String role(Condition condition, List<Object> parameters) {
        if (!EQUALITY.contains(condition.operator())) {
            throw unsupported(condition, "=, !=, IN and NIN");
        }
        List<?> values = condition.operator() == Operator.IN || condition.operator() == Operator.NOT_IN
                ? list(condition) : List.of(condition.value() == null ? "" : condition.value());
        List<String> marks = new ArrayList<>();
        for (Object value : values) {
            String role = text(condition, value).strip().toLowerCase(Locale.ROOT);
            if (!role.equals("user") && !role.equals("lead")) {
                throw new InvalidInputException("query.value", "role '" + value + "' is unknown. Use user or lead.");
            }
            parameters.add(role.toUpperCase(Locale.ROOT));
            marks.add("?");
        }
        boolean negated = condition.operator() == Operator.NOT_EQUALS || condition.operator() == Operator.NOT_IN;
        return "c.role " + (negated ? "NOT IN (" : "IN (") + String.join(", ", marks) + ")";
    }

    /** Compares E.164 forms for equality, and digits for the text operators, so any spelling matches. */
    private String phone(Condition condition, List<Object> parameters) {
        if (condition.value() == null) {
            return nullCheck("c.phone", condition);
        }
        if (TEXT.contains(condition.operator())) {
            String digits = text(condition, condition.value()).replaceAll("[^0-9]", "");
            if (digits.isEmpty()) {
                throw new InvalidInputException("query.value", "phone '" + condition.value() + "' has no digits to search for.");
            }
            parameters.add(likePattern(condition.operator(), digits));
            return "c.phone" + (condition.operator() == Operator.NOT_CONTAINS ? " NOT LIKE ?" : " LIKE ?");
        }
        if (!EQUALITY.contains(condition.operator())) {
            throw unsupported(condition, "=, !=, IN, NIN, ~, !~, ^ and $");
        }
        List<?> values = condition.operator() == Operator.IN || condition.operator() == Operator.NOT_IN
                ? list(condition) : List.of(condition.value());
        List<String> marks = new ArrayList<>();
        for (Object value : values) {
            parameters.add(PhoneNumberParser.parse("query.value", text(condition, value), defaultCountry).e164());
            marks.add("?");
        }
        boolean negated = condition.operator() == Operator.NOT_EQUALS || condition.operator() == Operator.NOT_IN;
        return "c.phone " + (negated ? "NOT IN (" : "IN (") + String.join(", ", marks) + ")";
    }

    /**
     * Compares the stored line type, such as {@code mobile} or {@code fixed_line}; a contact without a
     * number, or with a number that was stored without a type, has the line type null.
     */
    private String phoneType(Condition condition, List<Object> parameters) {
        if (condition.value() == null) {
            return nullCheck("c.phone_type", condition);
        }
        if (!EQUALITY.contains(condition.operator())) {
            throw unsupported(condition, "=, !=, IN and NIN");
        }
        List<?> values = condition.operator() == Operator.IN || condition.operator() == Operator.NOT_IN
                ? list(condition) : List.of(condition.value());
        List<String> marks = new ArrayList<>();
        for (Object value : values) {
            parameters.add(lineType(condition, value).name());
            marks.add("?");
        }
        boolean negated = condition.operator() == Operator.NOT_EQUALS || condition.operator() == Operator.NOT_IN;
        String test = "c.phone_type IN (" + String.join(", ", marks) + ")";
        // SQL's NOT IN alone would drop the contacts whose line type is null; a negated match keeps them.
        return negated ? "(c.phone_type IS NULL OR NOT " + test + ")" : test;
    }

    private static LineType lineType(Condition condition, Object value) {
        String name = text(condition, value).strip().toUpperCase(Locale.ROOT);
        for (LineType type : LineType.values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        String allowed = Arrays.stream(LineType.values()).map(type -> type.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        throw new InvalidInputException("query.value", "phone_type '" + value + "' is unknown. Use one of " + allowed + ".");
    }

    /** Matches a yes-or-no field such as {@code phone_valid}, given as true or false, or as the text "true" or "false". */
    private static String flag(Condition condition, String truth) {
        if (condition.operator() != Operator.EQUALS && condition.operator() != Operator.NOT_EQUALS) {
            throw unsupported(condition, "= and !=");
        }
        Object value = condition.value();
        String text = value == null ? "" : value.toString().strip().toLowerCase(Locale.ROOT);
        if (!(value instanceof Boolean || value instanceof String) || !(text.equals("true") || text.equals("false"))) {
            throw new InvalidInputException("query.value", "Field '" + condition.field() + "' needs true or false, not '"
                    + value + "'.");
        }
        boolean wanted = text.equals("true") == (condition.operator() == Operator.EQUALS);
        return wanted ? "(" + truth + ")" : "NOT (" + truth + ")";
    }

    private String customAttribute(Condition condition, List<Object> parameters) {
        String key = CustomAttributes.checkKey(condition.field().substring("custom_attributes.".length()));
        parameters.add("$.\"" + key + "\"");
        String extracted = "JSON_VALUE(c.custom_attributes, ?)";
        Object sample = condition.value() instanceof List<?> list && !list.isEmpty() ? list.getFirst() : condition.value();
        boolean numeric = sample instanceof Number;
        String column = numeric ? "CAST(" + extracted + " AS DECIMAL(38, 10))" : extracted;
        return compare(column, condition, parameters, numeric ? ValueKind.NUMBER : ValueKind.TEXT);
    }

    private static String nullCheck(String column, Condition condition) {
        return switch (condition.operator()) {
            case EQUALS -> column + " IS NULL";
            case NOT_EQUALS -> column + " IS NOT NULL";
            default -> throw new InvalidInputException("query.value", "Field '" + condition.field()
                    + "' compared with null needs = or !=.");
        };
    }

    private static Object bind(Condition condition, Object value, ValueKind kind) {
        return switch (kind) {
            case TEXT -> text(condition, value);
            case NUMBER -> {
                if (value instanceof Number number) {
                    yield number;
                }
                // Intercom's ids are strings, so clients send an id search as "42".
                if (value instanceof String text && WHOLE_NUMBER.matcher(text.strip()).matches()) {
                    yield Long.parseLong(text.strip());
                }
                throw new InvalidInputException("query.value", "Field '" + condition.field() + "' needs a number, not '"
                        + value + "'.");
            }
            case TIME -> {
                if (value instanceof Long seconds) {
                    yield Timestamp.from(Instant.ofEpochSecond(seconds));
                }
                // Intercom's own search examples send Unix times as strings, such as "1306054154".
                if (value instanceof String text && WHOLE_NUMBER.matcher(text.strip()).matches()) {
                    yield Timestamp.from(Instant.ofEpochSecond(Long.parseLong(text.strip())));
                }
                throw new InvalidInputException("query.value", "Field '" + condition.field()
                        + "' needs a time in Unix seconds, such as 1735689600, not '" + value + "'.");
            }
        };
    }

    private static String text(Condition condition, Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        throw new InvalidInputException("query.value", "Field '" + condition.field() + "' needs a string value.");
    }

    private static List<?> list(Condition condition) {
        if (condition.value() instanceof List<?> values && !values.isEmpty() && values.size() <= 1000) {
            return values;
        }
        throw new InvalidInputException("query.value", "Operator " + condition.operator().symbol()
                + " needs a list of 1 to 1000 values for field '" + condition.field() + "'.");
    }

    private static String likePattern(Operator operator, String text) {
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return switch (operator) {
            case STARTS_WITH -> escaped + "%";
            case ENDS_WITH -> "%" + escaped;
            default -> "%" + escaped + "%";
        };
    }

    private static String sqlOperator(Operator operator) {
        return switch (operator) {
            case EQUALS -> "=";
            case NOT_EQUALS -> "<>";
            case LESS -> "<";
            case LESS_OR_EQUAL -> "<=";
            case GREATER -> ">";
            case GREATER_OR_EQUAL -> ">=";
            default -> throw new IllegalArgumentException(operator.name());
        };
    }

    private static InvalidInputException unsupported(Condition condition, String allowed) {
        return new InvalidInputException("query.operator", "Operator " + condition.operator().symbol()
                + " does not apply to field '" + condition.field() + "'. Use " + allowed + ".");
    }
}
