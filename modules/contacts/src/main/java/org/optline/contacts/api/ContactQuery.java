package org.optline.contacts.api;

import java.util.List;

/**
 * A search over contacts in Intercom's query language: a single condition, or a group of conditions
 * and groups joined with AND or OR.
 */
public sealed interface ContactQuery {

    /**
     * One condition, such as {@code email ~ "@example.com"}.
     *
     * @param value a String, a Long, a Double, a Boolean, null, or a List of those for IN and NIN
     */
    record Condition(String field, Operator operator, Object value) implements ContactQuery {
    }

    /** Conditions joined by {@code AND} or {@code OR}. */
    record Group(boolean and, List<ContactQuery> parts) implements ContactQuery {

        public Group {
            parts = List.copyOf(parts);
        }
    }

    /** Matches every contact. */
    record All() implements ContactQuery {
    }

    /** The comparison operators of Intercom's search. */
    enum Operator {
        EQUALS("="), NOT_EQUALS("!="), IN("IN"), NOT_IN("NIN"), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"),
        GREATER_OR_EQUAL(">="), CONTAINS("~"), NOT_CONTAINS("!~"), STARTS_WITH("^"), ENDS_WITH("$");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }
}
