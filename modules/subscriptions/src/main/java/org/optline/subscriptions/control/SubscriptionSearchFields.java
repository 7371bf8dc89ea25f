package org.optline.subscriptions.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.optline.contacts.api.ContactQuery;
import org.optline.contacts.api.SearchFieldProvider;
import org.optline.contacts.api.SqlCondition;
import org.optline.platform.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Adds the field {@code subscription_type.<id>} to contact search, with the values {@code opted_in},
 * {@code opted_out} and {@code not_set}: the contact's latest explicit event for that type, or none.
 * Intercom's search cannot filter on consent; this is Optline's addition.
 */
@ApplicationScoped
public class SubscriptionSearchFields implements SearchFieldProvider {

    static final String PREFIX = "subscription_type.";

    @Override
    public boolean provides(String field) {
        return field.startsWith(PREFIX);
    }

    @Override
    public SqlCondition toSql(ContactQuery.Condition condition) {
        long typeId = typeId(condition.field());
        List<String> states = switch (condition.operator()) {
            case EQUALS, NOT_EQUALS -> List.of(state(condition.value()));
            case IN, NOT_IN -> {
                if (!(condition.value() instanceof List<?> values) || values.isEmpty()) {
                    throw new InvalidInputException("query.value", "Field '" + condition.field()
                            + "' with IN or NIN needs a list of opted_in, opted_out or not_set.");
                }
                List<String> list = new ArrayList<>();
                for (Object value : values) {
                    list.add(state(value));
                }
                yield list;
            }
            default -> throw new InvalidInputException("query.operator", "Operator " + condition.operator().symbol()
                    + " does not apply to field '" + condition.field() + "'. Use =, !=, IN or NIN.");
        };
        boolean negated = condition.operator() == ContactQuery.Operator.NOT_EQUALS
                || condition.operator() == ContactQuery.Operator.NOT_IN;
        List<String> parts = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (String state : states) {
            if (state.equals("not_set")) {
                parts.add("NOT EXISTS (SELECT 1 FROM consent_state s WHERE s.contact_id = c.id AND s.subscription_type_id = ?)");
                parameters.add(typeId);
            } else {
                // A state that is not OPT_IN counts as opted out, as the audience preview and the audience
                // index read it, so that no reader takes a row for an opt-in that SQL does not.
                parts.add("EXISTS (SELECT 1 FROM consent_state s WHERE s.contact_id = c.id AND s.subscription_type_id = ? "
                        + "AND s.state " + (state.equals("opted_in") ? "=" : "<>") + " 'OPT_IN')");
                parameters.add(typeId);
            }
        }
        String any = "(" + String.join(" OR ", parts) + ")";
        return new SqlCondition(negated ? "NOT " + any : any, parameters);
    }

    private static long typeId(String field) {
        String id = field.substring(PREFIX.length());
        if (!id.matches("[1-9][0-9]{0,17}")) {
            throw new InvalidInputException("query.field", "Field '" + field
                    + "' names no subscription type. Use subscription_type.<id>, such as subscription_type.7.");
        }
        return Long.parseLong(id);
    }

    private static String state(Object value) {
        String state = value == null ? "" : value.toString().strip().toLowerCase(Locale.ROOT);
        if (state.equals("opted_in") || state.equals("opted_out") || state.equals("not_set")) {
            return state;
        }
        throw new InvalidInputException("query.value", "Subscription state '" + value
                + "' is unknown. Use opted_in, opted_out or not_set.");
    }
}
