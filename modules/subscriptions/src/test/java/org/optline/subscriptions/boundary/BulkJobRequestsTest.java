package org.optline.subscriptions.boundary;

import org.junit.jupiter.api.Test;
import org.optline.contacts.api.ContactQuery;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;
import org.optline.subscriptions.api.ActorKind;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ContactSelection;
import org.optline.subscriptions.api.NewBulkJob;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BulkJobRequestsTest {

    private static NewBulkJob json(String body) {
        return BulkJobRequests.fromJson(body, ActorKind.API_TOKEN, "api-token:3");
    }

    @Test
    void jsonWithContactIdsIsListedSelection() {
        NewBulkJob job = json("{\"subscription_type_id\": 7, \"action\": \"opt_out\", \"contact_ids\": [\"12\", 15]}");

        assertThat(job.subscriptionTypeId()).isEqualTo(7);
        assertThat(job.action()).isEqualTo(ConsentAction.OPT_OUT);
        assertThat(job.selection()).isEqualTo(new ContactSelection.Listed(List.of(12L, 15L)));
        assertThat(job.actorKind()).isEqualTo(ActorKind.API_TOKEN);
        assertThat(job.actorId()).isEqualTo("api-token:3");
        assertThat(job.expectedCount()).isNull();
    }

    @Test
    void jsonWithQueryIsMatchingSelection() {
        NewBulkJob job = json("{\"subscription_type_id\": \"7\", \"action\": \"opt_in\", \"override_reason\": "
                + "\"Asked at the counter\", \"expected_count\": 30, "
                + "\"query\": {\"field\": \"role\", \"operator\": \"=\", \"value\": \"lead\"}}");

        assertThat(job.selection()).isEqualTo(new ContactSelection.Matching(
                new ContactQuery.Condition("role", ContactQuery.Operator.EQUALS, "lead")));
        assertThat(job.overrideReason()).isEqualTo("Asked at the counter");
        assertThat(job.expectedCount()).isEqualTo(30);
    }

    @Test
    void jsonWithBothSelectionsIsRejected() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> json("{\"subscription_type_id\": 7, "
                + "\"action\": \"opt_in\", \"contact_ids\": [1], \"query\": {\"field\": \"id\", \"operator\": \">\", \"value\": 0}}"));

        assertThat(e.field()).contains("contact_ids");
    }

    @Test
    void jsonWithoutSelectionIsRejected() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> json("{\"subscription_type_id\": 7, \"action\": \"opt_in\"}"));

        assertThat(e.getMessage()).contains("contact_ids").contains("query");
    }

    @Test
    void unknownActionIsRejectedWithValue() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> json("{\"subscription_type_id\": 7, \"action\": \"subscribe\", \"contact_ids\": [1]}"));

        assertThat(e.field()).contains("action");
        assertThat(e.getMessage()).contains("'subscribe'").contains("opt_in").contains("opt_out");
    }

    @Test
    void missingTypeIsMissingInput() {
        MissingInputException e = catchThrowableOfType(MissingInputException.class,
                () -> json("{\"action\": \"opt_in\", \"contact_ids\": [1]}"));

        assertThat(e.field()).contains("subscription_type_id");
    }

    @Test
    void invalidContactIdIsNamedByPosition() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> json("{\"subscription_type_id\": 7, \"action\": \"opt_in\", \"contact_ids\": [\"4\", \"x9\"]}"));

        assertThat(e.field()).contains("contact_ids[1]");
        assertThat(e.getMessage()).contains("'x9'");
    }

    @Test
    void negativeExpectedCountIsRejected() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> json("{\"subscription_type_id\": 7, "
                + "\"action\": \"opt_in\", \"contact_ids\": [1], \"expected_count\": -1}"));

        assertThat(e.field()).contains("expected_count");
    }

    /** Stands in for Contacts.listFilter: the list's filter of a form with role "user" is this condition. */
    private static final ContactQuery USERS = new ContactQuery.Condition("role", ContactQuery.Operator.EQUALS, "user");

    private static NewBulkJob form(Map<String, List<String>> form) {
        return BulkJobRequests.fromForm(form, "admin@example.com", parameters -> {
            assertThat(parameters).isSameAs(form);
            return USERS;
        });
    }

    @Test
    void formWithListedScopeReadsCheckedContacts() {
        NewBulkJob job = form(Map.of("subscription_type_id", List.of("7"), "action", List.of("opt_in"),
                "scope", List.of("listed"), "contact_id", List.of("3", "5"), "role", List.of("user"),
                "confirmed_count", List.of("2")));

        assertThat(job.selection()).isEqualTo(new ContactSelection.Listed(List.of(3L, 5L)));
        assertThat(job.expectedCount()).isEqualTo(2);
        assertThat(job.actorKind()).isEqualTo(ActorKind.ADMIN);
    }

    @Test
    void formWithMatchingScopeUsesListFilter() {
        NewBulkJob job = form(Map.of("subscription_type_id", List.of("7"), "action", List.of("opt_out"),
                "scope", List.of("matching"), "role", List.of("user"), "contact_id", List.of("3")));

        assertThat(job.selection()).isEqualTo(new ContactSelection.Matching(USERS));
        assertThat(job.expectedCount()).isNull();
    }

    @Test
    void formContactIdIsNamedInError() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> form(Map.of(
                "subscription_type_id", List.of("7"), "action", List.of("opt_in"), "scope", List.of("listed"),
                "contact_id", List.of("3", "three"))));

        assertThat(e.field()).contains("contact_id");
        assertThat(e.getMessage()).contains("'three'");
    }

    @Test
    void formWithoutScopeIsRejected() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> form(
                Map.of("subscription_type_id", List.of("7"), "action", List.of("opt_out"))));

        assertThat(e.field()).contains("scope");
    }
}
