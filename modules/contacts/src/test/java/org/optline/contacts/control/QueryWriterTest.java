package org.optline.contacts.control;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.optline.contacts.api.ContactQuery;
import org.optline.contacts.api.ContactQuery.Condition;
import org.optline.contacts.api.ContactQuery.Operator;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryWriterTest {

    @Test
    void nestedQueryParsesBackEqual() {
        ContactQuery query = new ContactQuery.Group(true, List.of(
                new Condition("role", Operator.EQUALS, "user"),
                new Condition("email", Operator.NOT_EQUALS, null),
                new Condition("sms_capable", Operator.EQUALS, true),
                new ContactQuery.Group(false, List.of(
                        new Condition("created_at", Operator.GREATER, 1735689600L),
                        new Condition("custom_attributes.score", Operator.GREATER_OR_EQUAL, 2.5),
                        new Condition("phone_type", Operator.IN, List.of("mobile", "voip"))))));

        String json = QueryWriter.write(query).toString();
        ContactQuery parsed = QueryParser.parse(Json.createReader(new StringReader(json)).readValue());

        assertThat(parsed).isEqualTo(query);
    }

    @Test
    void allIsJsonNull() {
        assertThat(QueryWriter.write(new ContactQuery.All())).isEqualTo(JsonValue.NULL);
    }

    @Test
    void allInsideGroupIsRejected() {
        ContactQuery query = new ContactQuery.Group(true, List.of(new ContactQuery.All()));

        assertThatThrownBy(() -> QueryWriter.write(query)).isInstanceOf(IllegalArgumentException.class);
    }
}
