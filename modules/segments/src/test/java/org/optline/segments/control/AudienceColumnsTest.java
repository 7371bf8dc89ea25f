package org.optline.segments.control;

import org.junit.jupiter.api.Test;
import org.optline.contacts.api.ContactQuery;
import org.optline.contacts.api.ContactQuery.Condition;
import org.optline.contacts.api.ContactQuery.Operator;
import org.optline.contacts.api.LineType;
import org.optline.segments.api.AudiencePreview;
import org.optline.segments.api.ExclusionReason;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentType;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AudienceColumnsTest {

    private static final long TYPE = 7;
    private static final long NUMBER_A = 12015550101L;
    private static final long NUMBER_B = 12015550102L;
    private static final long NUMBER_C = 12015550103L;
    private static final byte MOBILE = (byte) (LineType.MOBILE.ordinal() + 1);
    private static final byte FIXED_LINE = (byte) (LineType.FIXED_LINE.ordinal() + 1);
    private static final long SECOND = 1_000_000L;

    private static AudienceColumns.Contact contact(long id, long phone, byte lineType) {
        return new AudienceColumns.Contact(id, false, phone, lineType, id * SECOND, id * SECOND, AudienceColumns.NO_TIME,
                AudienceColumns.NO_TIME, false);
    }

    private static AudienceColumns.State optIn(long contactId, long phone) {
        return new AudienceColumns.State(contactId, TYPE, ConsentAction.OPT_IN, phone);
    }

    private static IndexedQuery.Match match(ContactQuery query) {
        return IndexedQuery.compile(query).orElseThrow();
    }

    @Test
    void previewCountsEachExclusionReason() {
        AudienceColumns columns = new AudienceColumns();
        columns.putContacts(List.of(
                contact(1, AudienceColumns.NO_PHONE, AudienceColumns.NO_LINE_TYPE),
                contact(2, NUMBER_A, AudienceColumns.NO_LINE_TYPE),
                contact(3, NUMBER_B, FIXED_LINE),
                contact(4, NUMBER_C, MOBILE),
                contact(5, NUMBER_A + 10, MOBILE),
                contact(6, NUMBER_A + 11, MOBILE),
                contact(7, NUMBER_A + 11, MOBILE),
                contact(8, NUMBER_A + 12, MOBILE),
                contact(9, NUMBER_A + 13, MOBILE)));
        columns.putStates(5, List.of(optIn(5, NUMBER_A + 10)));
        columns.putStates(6, List.of(optIn(6, NUMBER_A + 11)));
        columns.putStates(7, List.of(optIn(7, NUMBER_A + 11)));
        columns.putStates(8, List.of(optIn(8, NUMBER_A + 12)));
        columns.putStates(9, List.of(new AudienceColumns.State(9, TYPE, ConsentAction.OPT_OUT, NUMBER_A + 13)));
        columns.putBlocked(NUMBER_A + 12, true);

        AudiencePreview preview = columns.preview(match(new ContactQuery.All()), TYPE, ConsentType.OPT_IN, true, 10);

        assertThat(preview.matching()).isEqualTo(9);
        assertThat(preview.reachable()).isEqualTo(2);
        assertThat(preview.sample()).containsExactly(5L, 6L);
        assertThat(preview.excluded()).isEqualTo(Map.of(
                ExclusionReason.NO_PHONE, 1L,
                ExclusionReason.INVALID_NUMBER, 1L,
                ExclusionReason.LANDLINE, 1L,
                ExclusionReason.NOT_OPTED_IN, 1L,
                ExclusionReason.DUPLICATE_NUMBER, 1L,
                ExclusionReason.NUMBER_BLOCKED, 1L,
                ExclusionReason.OPTED_OUT, 1L));
    }

    @Test
    void listingKeepsBlockedNumbers() {
        AudienceColumns columns = new AudienceColumns();
        columns.putContacts(List.of(
                contact(1, AudienceColumns.NO_PHONE, AudienceColumns.NO_LINE_TYPE),
                contact(2, NUMBER_A, MOBILE),
                contact(3, NUMBER_A, MOBILE),
                contact(4, NUMBER_B, FIXED_LINE),
                contact(5, NUMBER_B + 1, MOBILE),
                contact(6, NUMBER_C, MOBILE),
                contact(7, NUMBER_C + 1, MOBILE),
                contact(8, NUMBER_C + 2, MOBILE)));
        columns.putStates(2, List.of(optIn(2, NUMBER_A)));
        columns.putStates(3, List.of(optIn(3, NUMBER_A)));
        columns.putStates(4, List.of(optIn(4, NUMBER_B)));
        columns.putStates(6, List.of(optIn(6, NUMBER_C)));
        columns.putStates(7, List.of(optIn(7, NUMBER_A)));
        columns.putStates(8, List.of(new AudienceColumns.State(8, TYPE, ConsentAction.OPT_OUT, NUMBER_C + 2)));
        columns.putBlocked(NUMBER_C, true);
        columns.putContacts(List.of(new AudienceColumns.Contact(9, false, NUMBER_A + 5, MOBILE, SECOND, SECOND,
                AudienceColumns.NO_TIME, AudienceColumns.NO_TIME, true)));
        columns.putStates(9, List.of(optIn(9, NUMBER_A + 5)));
        IndexedQuery.Match all = match(new ContactQuery.All());

        assertThat(columns.reachable(all, TYPE, ConsentType.OPT_IN, true, 0, 10)).containsExactly(2L, 3L, 6L);
        assertThat(columns.reachable(all, TYPE, ConsentType.OPT_IN, true, 0, 2)).containsExactly(2L, 3L);
        assertThat(columns.reachable(all, TYPE, ConsentType.OPT_IN, true, 3, 2)).containsExactly(6L);
        assertThat(columns.reachable(all, TYPE, ConsentType.OPT_IN, true, 4, 10)).containsExactly(6L);
        assertThat(columns.reachable(all, TYPE, ConsentType.OPT_IN, false, 0, 10)).isEmpty();
        assertThat(columns.reachable(all, TYPE, ConsentType.OPT_OUT, true, 0, 10)).containsExactly(2L, 3L, 5L, 6L, 7L);
        assertThat(columns.reachable(match(new Condition("id", Operator.GREATER, 2L)), TYPE, ConsentType.OPT_IN, true,
                0, 10)).containsExactly(3L, 6L);
    }

    @Test
    void optInForOldNumberIsNotCounted() {
        AudienceColumns columns = new AudienceColumns();
        columns.putContacts(List.of(contact(1, NUMBER_A, MOBILE)));
        columns.putStates(1, List.of(optIn(1, NUMBER_A)));

        columns.putContacts(List.of(contact(1, NUMBER_B, MOBILE)));

        AudiencePreview preview = columns.preview(match(new ContactQuery.All()), TYPE, ConsentType.OPT_IN, true, 10);
        assertThat(preview.reachable()).isZero();
        assertThat(preview.excluded()).isEqualTo(Map.of(ExclusionReason.NOT_OPTED_IN, 1L));
    }

    @Test
    void lateLowerIdsKeepStates() {
        AudienceColumns columns = new AudienceColumns();
        columns.putContacts(List.of(contact(10, NUMBER_A, MOBILE), contact(30, NUMBER_B, MOBILE)));
        columns.putStates(30, List.of(optIn(30, NUMBER_B)));

        columns.putContacts(List.of(contact(20, NUMBER_C, MOBILE), contact(5, NUMBER_A + 1, MOBILE)));
        columns.putStates(20, List.of(optIn(20, NUMBER_C)));

        AudiencePreview preview = columns.preview(match(new ContactQuery.All()), TYPE, ConsentType.OPT_IN, true, 10);
        assertThat(preview.sample()).containsExactly(20L, 30L);
        assertThat(columns.count(match(new Condition("id", Operator.LESS, 25L)))).isEqualTo(3);
    }

    @Test
    void deletedContactsAreNotCounted() {
        AudienceColumns columns = new AudienceColumns();
        columns.putContacts(List.of(contact(1, NUMBER_A, MOBILE), contact(2, NUMBER_B, MOBILE)));

        columns.putContacts(List.of(new AudienceColumns.Contact(2, false, NUMBER_B, MOBILE, 2 * SECOND, 3 * SECOND,
                AudienceColumns.NO_TIME, AudienceColumns.NO_TIME, true)));

        assertThat(columns.count(match(new ContactQuery.All()))).isEqualTo(1);
    }

    @Test
    void missingTimeMatchesNoComparison() {
        AudienceColumns columns = new AudienceColumns();
        columns.putContacts(List.of(contact(1, NUMBER_A, MOBILE), new AudienceColumns.Contact(2, true, NUMBER_B, MOBILE,
                2 * SECOND, 2 * SECOND, 5 * SECOND, AudienceColumns.NO_TIME, false)));

        assertThat(columns.count(match(new Condition("signed_up_at", Operator.NOT_EQUALS, 4L)))).isEqualTo(1);
        assertThat(columns.count(match(new Condition("signed_up_at", Operator.EQUALS, null)))).isEqualTo(1);
        assertThat(columns.count(match(new Condition("signed_up_at", Operator.NOT_IN, List.of(4L))))).isEqualTo(1);
        assertThat(columns.count(match(new Condition("created_at", Operator.GREATER_OR_EQUAL, "2")))).isEqualTo(1);
    }

    @Test
    void groupsCombineRolesLinesAndStates() {
        AudienceColumns columns = new AudienceColumns();
        columns.putContacts(List.of(
                contact(1, NUMBER_A, MOBILE),
                new AudienceColumns.Contact(2, true, NUMBER_B, FIXED_LINE, SECOND, SECOND, AudienceColumns.NO_TIME,
                        AudienceColumns.NO_TIME, false),
                contact(3, AudienceColumns.NO_PHONE, AudienceColumns.NO_LINE_TYPE)));
        columns.putStates(1, List.of(optIn(1, NUMBER_A)));
        ContactQuery leadsOrOptedIn = new ContactQuery.Group(false, List.of(
                new Condition("role", Operator.EQUALS, "lead"),
                new Condition("subscription_type." + TYPE, Operator.EQUALS, "opted_in")));
        ContactQuery notMobile = new Condition("phone_type", Operator.NOT_IN, List.of("mobile"));

        assertThat(columns.count(match(leadsOrOptedIn))).isEqualTo(2);
        assertThat(columns.count(match(notMobile))).isEqualTo(2);
        assertThat(columns.count(match(new ContactQuery.Group(true, List.of(leadsOrOptedIn, notMobile))))).isEqualTo(1);
        assertThat(columns.count(match(new Condition("sms_capable", Operator.EQUALS, true)))).isEqualTo(1);
        assertThat(columns.count(match(new Condition("phone_valid", Operator.EQUALS, "false")))).isEqualTo(1);
        assertThat(columns.count(match(new Condition("subscription_type." + TYPE, Operator.NOT_EQUALS, "not_set")))).isEqualTo(1);
    }

    @Test
    void unheldFieldsLeaveQueryToSql() {
        ContactQuery byEmail = new ContactQuery.Group(true, List.of(
                new Condition("role", Operator.EQUALS, "user"),
                new Condition("email", Operator.ENDS_WITH, "@example.com")));

        assertThat(IndexedQuery.compile(byEmail)).isEmpty();
        assertThat(IndexedQuery.compile(new Condition("phone", Operator.EQUALS, "+12015550101"))).isEmpty();
        assertThat(IndexedQuery.compile(new Condition("id", Operator.EQUALS, 1.5))).isEmpty();
        assertThat(IndexedQuery.compile(new Condition("custom_attributes.plan", Operator.EQUALS, "gold"))).isEmpty();
        assertThat(IndexedQuery.compile(new Condition("created_at", Operator.GREATER, 10_000_000_000_000L))).isEmpty();
    }
}
