package org.optline.contacts.control;

import org.junit.jupiter.api.Test;
import org.optline.contacts.api.ContactFilterOptions.Choice;
import org.optline.contacts.api.ContactFilterOptions.Filter;
import org.optline.contacts.api.ContactQuery;
import org.optline.contacts.api.ContactQuery.Condition;
import org.optline.contacts.api.ContactQuery.Operator;
import org.optline.contacts.api.ContactRole;
import org.optline.platform.InvalidInputException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ContactFilterFormTest {

    private static final List<Choice> STATES = List.of(new Choice("opted_in", "Opted in"),
            new Choice("opted_out", "Opted out"), new Choice("not_set", "Not set"));
    private static final Filter DEALS = new Filter("Subscription opt-ins", "subscription_type.7", "Deals (SMS, opt-in)", STATES);
    private static final Filter NEWS = new Filter("Subscription opt-ins", "subscription_type.9", "News (Email, opt-out)", STATES);

    private static Map<String, List<String>> parameters(String... pairs) {
        Map<String, List<String>> parameters = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.put(pairs[i], List.of(pairs[i + 1]));
        }
        return parameters;
    }

    private static ContactFilterForm parse(String... pairs) {
        return ContactFilterForm.parse(parameters(pairs), List.of(DEALS, NEWS));
    }

    private static List<ContactQuery> alternatives(ContactQuery query) {
        assertThat(query).isInstanceOf(ContactQuery.Group.class);
        ContactQuery.Group group = (ContactQuery.Group) query;
        assertThat(group.and()).isFalse();
        return group.parts();
    }

    @Test
    void emptyFormMatchesEveryContact() {
        ContactFilterForm form = parse();

        assertThat(form.isEmpty()).isTrue();
        assertThat(form.query("US")).isInstanceOf(ContactQuery.All.class);
    }

    @Test
    void searchTextMatchesNameEmailAndExternalId() {
        ContactQuery query = parse("q", "  ana  ").query("US");

        assertThat(alternatives(query)).containsExactly(
                new Condition("name", Operator.CONTAINS, "ana"),
                new Condition("email", Operator.CONTAINS, "ana"),
                new Condition("external_id", Operator.CONTAINS, "ana"));
    }

    @Test
    void wholeNationalNumberMatchesItsE164Form() {
        ContactQuery query = parse("q", "(201) 555-0142").query("US");

        assertThat(alternatives(query)).contains(new Condition("phone", Operator.CONTAINS, "(201) 555-0142"));
        assertThat(alternatives(query)).contains(new Condition("phone", Operator.EQUALS, "+12015550142"));
    }

    @Test
    void nationalNumberWithTrunkPrefixUsesDefaultCountry() {
        ContactQuery query = parse("q", "020 7946 0958").query("GB");

        assertThat(alternatives(query)).contains(new Condition("phone", Operator.EQUALS, "+442079460958"));
    }

    @Test
    void lastDigitsMatchByDigitsOnly() {
        List<ContactQuery> parts = alternatives(parse("q", "0142").query("US"));

        assertThat(parts).contains(new Condition("phone", Operator.CONTAINS, "0142"));
        assertThat(parts).noneMatch(part -> part instanceof Condition condition && condition.operator() == Operator.EQUALS);
    }

    @Test
    void textWithLettersIsNoPhoneSearch() {
        List<ContactQuery> parts = alternatives(parse("q", "Ana 2").query("US"));

        assertThat(parts).noneMatch(part -> part instanceof Condition condition && condition.field().equals("phone"));
    }

    @Test
    void roleAndFiltersCombineWithAnd() {
        ContactQuery query = parse("q", "ana", "role", "Lead", "subscription_type.7", "opted_out",
                "subscription_type.9", "not_set").query("US");

        assertThat(query).isInstanceOf(ContactQuery.Group.class);
        ContactQuery.Group all = (ContactQuery.Group) query;
        assertThat(all.and()).isTrue();
        assertThat(all.parts()).hasSize(4);
        assertThat(all.parts().get(1)).isEqualTo(new Condition("role", Operator.EQUALS, "lead"));
        assertThat(all.parts().get(2)).isEqualTo(new Condition("subscription_type.7", Operator.EQUALS, "opted_out"));
        assertThat(all.parts().get(3)).isEqualTo(new Condition("subscription_type.9", Operator.EQUALS, "not_set"));
    }

    @Test
    void singleFilterIsTheWholeQuery() {
        ContactQuery query = parse("subscription_type.7", "opted_in").query("US");

        assertThat(query).isEqualTo(new Condition("subscription_type.7", Operator.EQUALS, "opted_in"));
    }

    @Test
    void blankChoicesTurnFiltersOff() {
        ContactFilterForm form = parse("q", " ", "role", "", "subscription_type.7", "");

        assertThat(form.isEmpty()).isTrue();
    }

    @Test
    void filterNotOfferedIsIgnored() {
        ContactFilterForm form = parse("subscription_type.3", "opted_in", "after", "YWZ0ZXI6NQ");

        assertThat(form.choices()).isEmpty();
        assertThat(form.query("US")).isInstanceOf(ContactQuery.All.class);
    }

    @Test
    void unknownChoiceIsRejectedNamingFilter() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> parse("subscription_type.7", "maybe"));

        assertThat(e.field()).hasValue("subscription_type.7");
        assertThat(e.getMessage()).contains("'maybe'");
        assertThat(e.getMessage()).contains("Deals (SMS, opt-in)");
        assertThat(e.getMessage()).contains("opted_in, opted_out, not_set");
    }

    @Test
    void unknownRoleIsRejected() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> parse("role", "robot"));

        assertThat(e.field()).hasValue("role");
        assertThat(e.getMessage()).contains("'robot'");
    }

    @Test
    void overlongSearchIsRejected() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> parse("q", "x".repeat(ContactFilterForm.MAX_SEARCH + 1)));

        assertThat(e.getMessage()).contains(String.valueOf(ContactFilterForm.MAX_SEARCH + 1));
    }

    @Test
    void queryStringEncodesEveryChoice() {
        ContactFilterForm form = parse("q", "ana & co", "role", "user", "subscription_type.7", "opted_in");

        assertThat(form.queryString()).isEqualTo("q=ana+%26+co&role=user&subscription_type.7=opted_in");
    }

    @Test
    void parametersParseToEqualForm() {
        ContactFilterForm form = parse("q", " ana ", "role", "LEAD", "subscription_type.9", "not_set", "after", "YWZ0ZXI6NQ");

        Map<String, List<String>> again = new HashMap<>();
        form.parameters().forEach((name, value) -> again.put(name, List.of(value)));

        assertThat(form.parameters()).containsExactly(Map.entry("q", "ana"), Map.entry("role", "lead"),
                Map.entry("subscription_type.9", "not_set"));
        assertThat(ContactFilterForm.parse(again, List.of(DEALS, NEWS))).isEqualTo(form);
    }

    @Test
    void choiceReturnsEmptyForFilterOff() {
        ContactFilterForm form = parse("subscription_type.7", "opted_in");

        assertThat(form.choice("subscription_type.7")).isEqualTo("opted_in");
        assertThat(form.choice("subscription_type.9")).isEmpty();
        assertThat(form.role()).isNull();
    }

    @Test
    void roleIsReadInAnyCase() {
        assertThat(parse("role", "USER").role()).isEqualTo(ContactRole.USER);
    }
}
