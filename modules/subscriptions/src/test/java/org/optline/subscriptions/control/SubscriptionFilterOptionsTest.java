package org.optline.subscriptions.control;

import org.junit.jupiter.api.Test;
import org.optline.contacts.api.ContactFilterOptions.Filter;
import org.optline.subscriptions.api.ConsentType;
import org.optline.subscriptions.api.LocaleCode;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.State;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.Translation;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionFilterOptionsTest {

    private static final Instant AT = Instant.parse("2026-03-14T09:26:53Z");
    private static final LocaleCode EN = new LocaleCode("en");

    private static SubscriptionTypeView type(long id, String name, MessageType messageType, ConsentType consentType,
                                             State state) {
        return new SubscriptionTypeView(id, messageType, consentType, state, EN, List.of(new Translation(EN, name, "")),
                1, AT, AT);
    }

    @Test
    void liveTypesBecomeFilters() {
        List<Filter> filters = SubscriptionFilterOptions.filters(List.of(
                type(3, "Deals", MessageType.SMS, ConsentType.OPT_IN, State.LIVE),
                type(4, "Draft", MessageType.SMS, ConsentType.OPT_IN, State.DRAFT),
                type(5, "Old", MessageType.SMS, ConsentType.OPT_IN, State.ARCHIVED),
                type(6, "News", MessageType.EMAIL, ConsentType.OPT_OUT, State.LIVE)));

        assertThat(filters).extracting(Filter::field).containsExactly("subscription_type.3", "subscription_type.6");
        assertThat(filters).extracting(Filter::label).containsExactly("Deals (SMS, opt-in)", "News (Email, opt-out)");
        assertThat(filters).extracting(Filter::group).containsOnly("Subscription opt-ins");
    }

    @Test
    void choicesAreTheSearchFieldValues() {
        Filter filter = SubscriptionFilterOptions.filters(List.of(
                type(3, "Deals", MessageType.SMS, ConsentType.OPT_IN, State.LIVE))).getFirst();

        assertThat(filter.offers("opted_in")).isTrue();
        assertThat(filter.offers("opted_out")).isTrue();
        assertThat(filter.offers("not_set")).isTrue();
        assertThat(filter.offers("maybe")).isFalse();
    }

    @Test
    void everyChoiceCompilesAsSearchField() {
        SubscriptionSearchFields fields = new SubscriptionSearchFields();
        Filter filter = SubscriptionFilterOptions.filters(List.of(
                type(3, "Deals", MessageType.SMS, ConsentType.OPT_IN, State.LIVE))).getFirst();

        assertThat(fields.provides(filter.field())).isTrue();
        filter.choices().forEach(choice -> assertThat(fields.toSql(new org.optline.contacts.api.ContactQuery.Condition(
                filter.field(), org.optline.contacts.api.ContactQuery.Operator.EQUALS, choice.value())).sql()).isNotBlank());
    }
}
