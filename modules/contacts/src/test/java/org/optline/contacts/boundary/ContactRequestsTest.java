package org.optline.contacts.boundary;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.optline.contacts.api.ContactChanges;
import org.optline.contacts.api.ContactQuery;
import org.optline.contacts.control.Cursors;
import org.optline.platform.DomainException;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ContactRequestsTest {

    private static <E extends DomainException> E reject(Class<E> type, Runnable call) {
        E e = catchThrowableOfType(type, call::run);
        assertThat(e).isNotNull();
        return e;
    }

    @Test
    void creationWithoutIdentifyingFieldIsRejected() {
        MissingInputException e = reject(MissingInputException.class,
                () -> ContactRequests.creation("{\"name\": \"Ann\", \"email\": null}"));

        assertThat(e.field()).contains("email");
        assertThat(e.getMessage()).contains("email, external_id, phone or role");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"email\": \"ann@example.com\"}", "{\"external_id\": \"crm-1\"}",
            "{\"phone\": \"+1 201 555 0142\"}", "{\"role\": \"lead\"}"})
    void creationWithOneIdentifyingFieldIsAccepted(String body) {
        ContactChanges changes = ContactRequests.creation(body);

        assertThat(changes.asMap()).hasSize(1);
    }

    @Test
    void unknownFieldsAreIgnored() {
        ContactChanges changes = ContactRequests.creation("{\"email\": \"ann@example.com\", \"companies\": [{\"id\": 1}], "
                + "\"enabled_push_messaging\": true, \"locale\": \"fr\"}");

        assertThat(changes.asMap()).containsOnlyKeys("email");
    }

    @Test
    void languageOverrideSetsLocale() {
        ContactChanges changes = ContactRequests.changes("{\"language_override\": \"pt-BR\"}");

        assertThat(changes.get("locale")).isEqualTo("pt-BR");
    }

    @Test
    void nullClearsField() {
        ContactChanges changes = ContactRequests.changes("{\"name\": null}");

        assertThat(changes.has("name")).isTrue();
        assertThat(changes.get("name")).isNull();
    }

    @Test
    void jsonValuesBecomeJavaValues() {
        ContactChanges changes = ContactRequests.changes("{\"owner_id\": 7, \"signed_up_at\": 1735689600, "
                + "\"unsubscribed_from_emails\": true, \"name\": \"Ann\"}");

        assertThat(changes.get("owner_id")).isEqualTo(7L);
        assertThat(changes.get("signed_up_at")).isEqualTo(1735689600L);
        assertThat(changes.get("unsubscribed_from_emails")).isEqualTo(Boolean.TRUE);
        assertThat(changes.get("name")).isEqualTo("Ann");
    }

    @Test
    void customAttributesKeepTheirTypes() {
        ContactChanges changes = ContactRequests.changes("{\"custom_attributes\": {\"plan\": \"pro\", \"seats\": 3, "
                + "\"score\": 2.5, \"trial\": false, \"gone\": null, \"tags\": [\"a\"]}}");

        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) changes.get("custom_attributes");
        assertThat(attributes.get("plan")).isEqualTo("pro");
        assertThat(attributes.get("seats")).isEqualTo(3L);
        assertThat(attributes.get("score")).isEqualTo(new BigDecimal("2.5"));
        assertThat(attributes.get("trial")).isEqualTo(Boolean.FALSE);
        assertThat(attributes).containsEntry("gone", null);
        assertThat(attributes.get("tags")).isNotInstanceOf(String.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "{\"email\": ", "[1, 2]", "\"text\""})
    void bodyThatIsNoObjectIsRejected(String body) {
        InvalidInputException e = reject(InvalidInputException.class, () -> ContactRequests.changes(body));

        assertThat(e.field()).contains("body");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"null, 50", "'', 50", "1, 1", "150, 150", "' 20 ', 20"})
    void perPageParameterIsRead(String text, int expected) {
        assertThat(ContactRequests.perPage(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "151", "99999999999999999999", "abc", "2.5"})
    void perPageOutOfRangeIsRejected(String text) {
        InvalidInputException e = reject(InvalidInputException.class, () -> ContactRequests.perPage(text));

        assertThat(e.field()).contains("per_page");
        assertThat(e.getMessage()).contains(text).contains("150");
    }

    @Test
    void searchWithoutQueryIsRejected() {
        MissingInputException e = reject(MissingInputException.class,
                () -> ContactRequests.search("{\"pagination\": {\"per_page\": 5}}"));

        assertThat(e.field()).contains("query");
    }

    @Test
    void searchReadsQueryAndPaging() {
        String cursor = Cursors.after(10, 2);

        ContactRequests.Search search = ContactRequests.search("{\"query\": {\"field\": \"email\", \"operator\": \"~\", "
                + "\"value\": \"@example.com\"}, \"pagination\": {\"per_page\": 5, \"starting_after\": \"" + cursor + "\"}}");

        assertThat(search.query()).isEqualTo(new ContactQuery.Condition("email", ContactQuery.Operator.CONTAINS, "@example.com"));
        assertThat(search.perPage()).isEqualTo(5);
        assertThat(search.startingAfter()).isEqualTo(cursor);
    }

    @Test
    void searchWithoutPaginationTakesDefaults() {
        ContactRequests.Search search = ContactRequests.search("{\"query\": {\"field\": \"role\", \"operator\": \"=\", "
                + "\"value\": \"lead\"}, \"pagination\": null}");

        assertThat(search.perPage()).isEqualTo(50);
        assertThat(search.startingAfter()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"pagination\": [] | pagination",
            "\"pagination\": {\"per_page\": 151} | pagination.per_page",
            "\"pagination\": {\"per_page\": 0} | pagination.per_page",
            "\"pagination\": {\"per_page\": \"5\"} | pagination.per_page",
            "\"pagination\": {\"starting_after\": \"zzz\"} | pagination.starting_after",
            "\"pagination\": {\"starting_after\": 5} | pagination.starting_after"})
    void badPaginationIsRejectedNamingField(String pagination, String field) {
        String body = "{\"query\": {\"field\": \"role\", \"operator\": \"=\", \"value\": \"lead\"}, " + pagination + "}";

        InvalidInputException e = reject(InvalidInputException.class, () -> ContactRequests.search(body));

        assertThat(e.field()).as(body).contains(field);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"'\"3\"', 3", "'W/\"4\"', 4", "5, 5", "'*', null", "null, null"})
    void ifMatchIsRead(String header, Long expected) {
        assertThat(ContactRequests.expectedVersion(header)).isEqualTo(expected);
    }

    @Test
    void foreignIfMatchIsRejected() {
        InvalidInputException e = reject(InvalidInputException.class, () -> ContactRequests.expectedVersion("\"abc\""));

        assertThat(e.field()).contains("If-Match");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"12, 12", "abc, null", "0, null", "-1, null", "1234567890123456789, null",
            "'', null"})
    void pathIdIsReadAsPositiveNumber(String id, Long expected) {
        assertThat(ContactRequests.contactId(id).orElse(null)).isEqualTo(expected);
    }
}
