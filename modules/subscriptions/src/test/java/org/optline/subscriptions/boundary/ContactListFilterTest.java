package org.optline.subscriptions.boundary;

import org.junit.jupiter.api.Test;
import org.optline.contacts.api.ContactQuery;
import org.optline.contacts.api.ContactQuery.Condition;
import org.optline.contacts.api.ContactQuery.Operator;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContactListFilterTest {

    @Test
    void noParametersMatchEveryContact() {
        ContactListFilter filter = ContactListFilter.of(Map.of("page", List.of("3")));

        assertThat(filter.query()).isEqualTo(new ContactQuery.All());
        assertThat(filter.fields()).isEmpty();
    }

    @Test
    void textSearchesNameEmailAndExternalId() {
        ContactListFilter filter = ContactListFilter.of(Map.of("q", List.of(" ann ")));

        assertThat(filter.query()).isEqualTo(new ContactQuery.Group(false, List.of(
                new Condition("name", Operator.CONTAINS, "ann"),
                new Condition("email", Operator.CONTAINS, "ann"),
                new Condition("external_id", Operator.CONTAINS, "ann"))));
    }

    @Test
    void phoneLikeTextAlsoSearchesPhone() {
        ContactListFilter filter = ContactListFilter.of(Map.of("q", List.of("(201) 555")));

        ContactQuery.Group any = (ContactQuery.Group) filter.query();
        assertThat(any.parts()).contains(new Condition("phone", Operator.CONTAINS, "(201) 555"));
    }

    @Test
    void textWithLettersDoesNotSearchPhone() {
        ContactListFilter filter = ContactListFilter.of(Map.of("q", List.of("bulk-2015")));

        ContactQuery.Group any = (ContactQuery.Group) filter.query();
        assertThat(any.parts()).extracting(part -> ((Condition) part).field()).doesNotContain("phone");
    }

    @Test
    void roleAndSubscriptionStatesAreJoinedWithAnd() {
        ContactListFilter filter = ContactListFilter.of(Map.of("role", List.of("Lead"), "sub_9", List.of("not_set"),
                "sub_7", List.of("opted_in")));

        assertThat(filter.query()).isEqualTo(new ContactQuery.Group(true, List.of(
                new Condition("role", Operator.EQUALS, "lead"),
                new Condition("subscription_type.7", Operator.EQUALS, "opted_in"),
                new Condition("subscription_type.9", Operator.EQUALS, "not_set"))));
    }

    @Test
    void blankAndAnyValuesAreNoCondition() {
        ContactListFilter filter = ContactListFilter.of(Map.of("q", List.of("  "), "role", List.of("any"),
                "sub_7", List.of("")));

        assertThat(filter.query()).isEqualTo(new ContactQuery.All());
    }

    @Test
    void recognizedFieldsAreCarried() {
        ContactListFilter filter = ContactListFilter.of(Map.of("q", List.of("ann"), "sub_7", List.of("opted_out"),
                "cursor", List.of("abc")));

        assertThat(filter.fields()).containsExactly(new ContactListFilter.Field("q", "ann"),
                new ContactListFilter.Field("sub_7", "opted_out"));
    }
}
