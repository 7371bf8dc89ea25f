package org.optline.contacts.api;

import java.util.List;

/**
 * A piece of SQL WHERE clause over the {@code contact} table, aliased {@code c}, with its {@code ?}
 * parameters in order.
 */
public record SqlCondition(String sql, List<Object> parameters) {

    public SqlCondition {
        parameters = List.copyOf(parameters);
    }
}
