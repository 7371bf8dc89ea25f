package org.optline.subscriptions.control;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.optline.contacts.api.ContactQuery;
import org.optline.contacts.api.ContactQuery.Condition;
import org.optline.contacts.api.ContactQuery.Operator;
import org.optline.contacts.api.Contacts;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QueryJsonTest {

    private static ContactQuery roundTrip(ContactQuery query) {
        return Contacts.parseQuery(QueryJson.write(query));
    }

    @Test
    void conditionSurvivesRoundTrip() {
        ContactQuery query = new Condition("email", Operator.CONTAINS, "@example.com");

        assertThat(roundTrip(query)).isEqualTo(query);
    }

    @Test
    void nestedGroupsSurviveRoundTrip() {
        ContactQuery query = new ContactQuery.Group(true, List.of(
                new Condition("role", Operator.EQUALS, "lead"),
                new ContactQuery.Group(false, List.of(
                        new Condition("name", Operator.STARTS_WITH, "Ann"),
                        new Condition("subscription_type.7", Operator.IN, List.of("opted_in", "not_set")))),
                new Condition("created_at", Operator.GREATER, 1735689600L)));

        assertThat(roundTrip(query)).isEqualTo(query);
    }

    @Test
    void nullBooleanAndDecimalValuesSurviveRoundTrip() {
        ContactQuery query = new ContactQuery.Group(true, List.of(
                new Condition("email", Operator.EQUALS, null),
                new Condition("custom_attributes.vip", Operator.EQUALS, Boolean.TRUE),
                new Condition("custom_attributes.score", Operator.GREATER_OR_EQUAL, 4.5),
                new Condition("id", Operator.NOT_IN, Arrays.asList(3L, 4L))));

        assertThat(roundTrip(query)).isEqualTo(query);
    }

    @Test
    void allContactsIsWrittenAsPositiveId() {
        JsonObject json = QueryJson.write(new ContactQuery.All());

        assertThat(json.getString("field")).isEqualTo("id");
        assertThat(json.getString("operator")).isEqualTo(">");
        assertThat(json.getInt("value")).isZero();
    }
}
