package org.optline.it.segments;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.assertj.core.api.SoftAssertions;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.optline.it.support.ApiClient;
import org.optline.it.support.Http;
import org.optline.it.support.LocalPayara;
import org.optline.it.support.PageSession;
import org.optline.it.support.Poll;
import org.optline.it.support.TestCredentials;
import org.optline.it.support.TestDatabase;
import org.optline.it.support.TestPhones;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory audience index of the segments module, through the preview fragment and the editor's
 * count: it must give the same counts and sample as the SQL that it replaces, and include every change
 * that committed before the request, in whatever order the change rows committed.
 *
 * <p>The class starts its own Payara Micro, because its log shows when the index has loaded: until then
 * every count is made in SQL. A query that names {@code email} is always counted in SQL, so a segment is
 * also saved as {@code (segment) OR email = <an address no contact has>}, the same set of contacts.
 * {@link #previewReadsIndexNotTables} shows that the segments without {@code email} are counted by the
 * index. Every segment is limited to the contacts that its test created ({@code id >= <first id>}),
 * because the suite shares one database. Failsafe runs the test classes one after another, so no other
 * test adds contacts meanwhile.
 */
class AudienceIndexIT {

    /** The seed of the contacts that {@link #indexedPreviewMatchesSql} generates, named in its failure messages. */
    private static final long SEED = 20_240_611L;
    /** How many contacts {@link #indexedPreviewMatchesSql} draws after the fixed ones. */
    private static final int RANDOM_CONTACTS = 28;
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(2);
    /**
     * The index reads a gap in the change sequence again for 10 s ({@code AudienceIndex.SETTLE_NANOS}).
     * The out-of-order tests must commit and count within this margin below it.
     */
    private static final Duration GAP_WINDOW = Duration.ofSeconds(8);
    private static final int SAMPLE_SIZE = 10;
    private static final List<String> REASONS = List.of("NO_PHONE", "INVALID_NUMBER", "LANDLINE", "NUMBER_BLOCKED",
            "NOT_OPTED_IN", "OPTED_OUT", "TYPE_NOT_LIVE", "DUPLICATE_NUMBER");
    /** 2024-01-01T00:00:00Z in Unix seconds: the generated contacts' times lie in the days after it. */
    private static final long BASE_SECONDS = 1_704_067_200L;
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);
    private static final Pattern COUNT = Pattern.compile("([0-9]+) contacts? match");

    private static LocalPayara payara;

    private PageSession admin;
    private ApiClient api;

    @BeforeAll
    static void start() {
        // A full reload would also pick up the change that previewReadsIndexNotTables hides from the
        // change rows. By default it comes 10 minutes after the first load, and 60 minutes keep it out
        // of the class's run.
        payara = LocalPayara.start("audience-index", List.of("optline.audience-index.reload-minutes=60"));
        Poll.until("the log line of the audience index's first load (log: target/audience-index.log)", LOAD_TIMEOUT,
                () -> payara.logLines("Loaded the audience index").size(), lines -> lines > 0);
    }

    @AfterAll
    static void stop() {
        if (payara != null) {
            payara.close();
        }
    }

    @BeforeEach
    void signIn() {
        admin = PageSession.signedInAdmin(payara.base());
        api = new ApiClient(payara.base(), TestCredentials.apiToken());
    }

    /** Checks that no catch-up failed, because a failed one makes the count fall back to SQL, which would hide the index. */
    @AfterEach
    void catchUpNeverFailed() {
        assertThat(payara.logLines("Reading audience changes failed")).as("catch-up failures in the server log").isEmpty();
    }

    /**
     * Compares the index with SQL on generated contacts: one of each kind that a reason needs, then a
     * mix drawn from {@link #SEED}, under an opt-in, an opt-out and a draft type.
     */
    @Test
    void indexedPreviewMatchesSql() {
        String tag = unique();
        String optIn = smsType("Index opt-in " + tag, "opt_in", true);
        String optOut = smsType("Index opt-out " + tag, "opt_out", true);
        String draft = smsType("Index draft " + tag, "opt_out", false);
        List<Long> members = population(new Random(SEED), optIn, optOut);
        long first = members.getFirst();
        long middle = members.get(members.size() / 2);
        JsonObject scope = where("id", ">=", first);
        String forcingEmail = "nobody-" + UUID.randomUUID() + "@never.invalid";

        Map<String, JsonObject> segments = new LinkedHashMap<>();
        segments.put("all", all(scope));
        segments.put("leads", all(scope, where("role", "=", "lead")));
        segments.put("not leads", all(scope, where("role", "NIN", List.of("lead"))));
        segments.put("users and leads with a phone", all(scope, where("role", "IN", List.of("user", "lead")),
                where("phone", "!=", null)));
        segments.put("no phone", all(scope, where("phone", "=", null)));
        segments.put("mobile or VoIP", all(scope, where("phone_type", "IN", List.of("mobile", "voip"))));
        segments.put("not mobile", all(scope, where("phone_type", "NIN", List.of("mobile"))));
        segments.put("not fixed line", all(scope, where("phone_type", "!=", "fixed_line")));
        segments.put("no line type", all(scope, where("phone_type", "=", null)));
        segments.put("valid", all(scope, where("phone_valid", "=", true)));
        segments.put("not valid", all(scope, where("phone_valid", "=", false)));
        segments.put("SMS-capable", all(scope, where("sms_capable", "=", true)));
        segments.put("not SMS-capable", all(scope, where("sms_capable", "!=", "true")));
        segments.put("created in (3 h, 6 h]", all(scope, where("created_at", ">", hours(3)),
                where("created_at", "<=", hours(6))));
        segments.put("created in [3 h, 6 h)", all(scope, where("created_at", ">=", hours(3)),
                where("created_at", "<", hours(6))));
        segments.put("created at 4 h", all(scope, where("created_at", "=", hours(4))));
        segments.put("created not at 4 h or 5 h", all(scope, where("created_at", "NIN", List.of(hours(4), hours(5)))));
        segments.put("never signed up", all(scope, where("signed_up_at", "=", null)));
        segments.put("signed up, seen from day 3", all(scope, where("signed_up_at", "!=", null),
                where("last_seen_at", ">=", String.valueOf(BASE_SECONDS + 3 * 86_400))));
        segments.put("updated by day 1", all(scope, where("updated_at", "<=", BASE_SECONDS + 86_400)));
        segments.put("opted in", all(scope, where("subscription_type." + optIn, "=", "opted_in")));
        segments.put("opt-in not set", all(scope, where("subscription_type." + optIn, "=", "not_set")));
        segments.put("not opted out of opt-in", all(scope, where("subscription_type." + optIn, "NIN", List.of("opted_out"))));
        segments.put("opted out of or never set opt-in", all(scope,
                where("subscription_type." + optIn, "IN", List.of("opted_out", "not_set"))));
        segments.put("not opted out of opt-out", all(scope, where("subscription_type." + optOut, "!=", "opted_out")));
        segments.put("explicitly in opt-out", all(scope, where("subscription_type." + optOut, "IN", List.of("opted_in"))));
        segments.put("leads or without opt-in", all(scope, any(where("role", "=", "lead"),
                where("subscription_type." + optIn, "IN", List.of("opted_out", "not_set")))));
        segments.put("mobile or no phone, SMS-capable", all(scope, any(where("phone_type", "=", "mobile"),
                where("phone", "=", null)), where("sms_capable", "=", true)));
        segments.put("never seen or created after 5 h", all(scope, any(where("last_seen_at", "=", null),
                where("created_at", ">", hours(5)))));
        segments.put("first half by id", all(scope, where("id", "<", middle)));
        segments.put("listed ids", all(scope, where("id", "IN", List.of(first, middle, String.valueOf(members.getLast())))));
        segments.put("all but listed ids", all(scope, where("id", "NIN", List.of(first, middle))));

        String everyoneThroughSql = saveSegment("Everyone in SQL " + tag, forced(segments.get("all"), forcingEmail));
        Preview optInBySql = preview(optIn, everyoneThroughSql);
        Preview optOutBySql = preview(optOut, everyoneThroughSql);
        Preview draftBySql = preview(draft, everyoneThroughSql);
        String context = "contacts of seed " + SEED + ", ids from " + first;
        for (String reason : REASONS) {
            if (!reason.equals("TYPE_NOT_LIVE")) {
                assertThat(optInBySql.excluded().get(reason)).as("%s under the opt-in type, %s", reason, context).isPositive();
            }
        }
        assertThat(optInBySql.reachable()).as("reachable under the opt-in type, %s", context).isPositive();
        assertThat(optOutBySql.reachable()).as("reachable under the opt-out type, %s", context).isGreaterThan(SAMPLE_SIZE);
        assertThat(draftBySql.excluded().get("TYPE_NOT_LIVE")).as("TYPE_NOT_LIVE under the draft type, %s", context)
                .isPositive();

        assertIndexMatchesSql(segments, Map.of("opt-in", optIn, "opt-out", optOut, "draft", draft), context);
    }

    /**
     * A row may hold a name that this version does not know, such as a line type that a newer version
     * wrote, or another spelling of a known name, stored before the database rejected such spellings
     * (V25). CHECK constraints are turned off to write them. Both paths read a name as SQL compares it,
     * ignoring case. A line type this version does not know makes the number invalid, while SQL's
     * {@code phone_type IS NOT NULL} still calls it valid. A consent state other than an opt-in counts as
     * an opt-out, so it never makes a contact reachable.
     */
    @Test
    void storedNameVariantsMatchSql() {
        String tag = unique();
        String optIn = smsType("Index stored names opt-in " + tag, "opt_in", true);
        String optOut = smsType("Index stored names opt-out " + tag, "opt_out", true);
        long unknownLine = contact("user", TestPhones.icelandMobile());
        long lowerCaseLine = contact("lead", TestPhones.icelandMobile());
        long lowerCaseOptIn = contact("user", TestPhones.icelandMobile());
        attach(lowerCaseOptIn, optIn, "opt_in");
        long unknownOptInState = contact("user", TestPhones.icelandMobile());
        attach(unknownOptInState, optIn, "opt_in");
        long unknownOptOutState = contact("lead", TestPhones.icelandMobile());
        attach(unknownOptOutState, optOut, "opt_out");
        detach(unknownOptOutState, optOut);
        long mobile = contact("user", TestPhones.icelandMobile());
        String states = "UPDATE consent_state SET state = ? WHERE contact_id = ? AND subscription_type_id = ?";
        try {
            executeUnchecked("UPDATE contact SET phone_type = 'SATELLITE' WHERE id = ?", unknownLine);
            executeUnchecked("UPDATE contact SET role = 'lead', phone_type = 'mobile' WHERE id = ?", lowerCaseLine);
            executeUnchecked(states, "opt_in", lowerCaseOptIn, optIn);
            executeUnchecked(states, "PAUSED", unknownOptInState, optIn);
            executeUnchecked(states, "PAUSED", unknownOptOutState, optOut);

            String context = "contact " + unknownLine + " with line type 'SATELLITE', " + lowerCaseLine + " with 'lead' "
                    + "and 'mobile', " + lowerCaseOptIn + " with state 'opt_in', " + unknownOptInState + " and "
                    + unknownOptOutState + " with state 'PAUSED', and " + mobile;
            assertStoredNamesMatchSql(where("id", ">=", unknownLine), optIn, optOut, context);

            String all = saveSegment("Stored names " + tag, all(where("id", ">=", unknownLine)).toString());
            assertThat(preview(optIn, all)).as("preview under the opt-in type, %s", context)
                    .isEqualTo(expected(1, 6, Map.of("INVALID_NUMBER", 1L, "NOT_OPTED_IN", 3L, "OPTED_OUT", 1L),
                            lowerCaseOptIn));
            assertThat(preview(optOut, all)).as("preview under the opt-out type, %s", context)
                    .isEqualTo(expected(4, 6, Map.of("INVALID_NUMBER", 1L, "OPTED_OUT", 1L),
                            lowerCaseLine, lowerCaseOptIn, unknownOptInState, mobile));
        } finally {
            // Later tests read every contact and state, so each row gets back the name the app wrote.
            executeUnchecked("UPDATE contact SET phone_type = 'MOBILE' WHERE id = ?", unknownLine);
            executeUnchecked("UPDATE contact SET role = 'LEAD', phone_type = 'MOBILE' WHERE id = ?", lowerCaseLine);
            executeUnchecked(states, "OPT_IN", lowerCaseOptIn, optIn);
            executeUnchecked(states, "OPT_IN", unknownOptInState, optIn);
            executeUnchecked(states, "OPT_IN", unknownOptOutState, optOut);
        }
    }

    private void assertStoredNamesMatchSql(JsonObject scope, String optIn, String optOut, String context) {
        Map<String, JsonObject> segments = new LinkedHashMap<>();
        segments.put("all", all(scope));
        segments.put("leads", all(scope, where("role", "=", "lead")));
        segments.put("users", all(scope, where("role", "NIN", List.of("lead"))));
        segments.put("SMS-capable", all(scope, where("sms_capable", "=", true)));
        segments.put("not SMS-capable", all(scope, where("sms_capable", "=", false)));
        segments.put("mobile", all(scope, where("phone_type", "IN", List.of("mobile"))));
        segments.put("not mobile", all(scope, where("phone_type", "NIN", List.of("mobile"))));
        segments.put("no line type", all(scope, where("phone_type", "=", null)));
        segments.put("valid", all(scope, where("phone_valid", "=", true)));
        segments.put("opted in to opt-in", all(scope, where("subscription_type." + optIn, "=", "opted_in")));
        segments.put("opted out of opt-in", all(scope, where("subscription_type." + optIn, "=", "opted_out")));
        segments.put("opt-in not set", all(scope, where("subscription_type." + optIn, "=", "not_set")));
        segments.put("opted out of opt-out", all(scope, where("subscription_type." + optOut, "=", "opted_out")));
        segments.put("not opted out of opt-out", all(scope, where("subscription_type." + optOut, "!=", "opted_out")));

        assertIndexMatchesSql(segments, Map.of("opt-in", optIn, "opt-out", optOut), context);
    }

    /**
     * Saves each segment twice, as it is and forced into SQL, and checks that both give the same preview
     * under each type and the same count. Collects every difference before it fails.
     */
    private void assertIndexMatchesSql(Map<String, JsonObject> segments, Map<String, String> types, String context) {
        String tag = unique();
        String forcingEmail = "nobody-" + UUID.randomUUID() + "@never.invalid";
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, JsonObject> segment : segments.entrySet()) {
            String indexed = saveSegment(segment.getKey() + " " + tag, segment.getValue().toString());
            String bySql = saveSegment(segment.getKey() + " in SQL " + tag, forced(segment.getValue(), forcingEmail));
            types.forEach((typeName, type) -> softly.assertThat(preview(type, indexed))
                    .as("preview of segment '%s' %s under the %s type, %s", segment.getKey(), segment.getValue(), typeName,
                            context)
                    .isEqualTo(preview(type, bySql)));
            softly.assertThat(count(segment.getValue().toString()))
                    .as("count of segment '%s' %s, %s", segment.getKey(), segment.getValue(), context)
                    .isEqualTo(count(forced(segment.getValue(), forcingEmail)));
        }
        softly.assertAll();
    }

    /** Each preview follows a committed change at once, without a wait, whichever path made it. */
    @Test
    void previewSeesEachCommittedChange() {
        String type = smsType("Index writes " + unique(), "opt_in", true);
        long a = optedInContact(type);
        long b = optedInContact(type);
        long c = optedInContact(type);
        String dPhone = TestPhones.icelandMobile();
        long d = contact("user", dPhone);
        attach(d, type, "opt_in");
        String scope = all(where("id", ">=", a)).toString();
        String segment = saveSegment("Index writes " + unique(), scope);
        assertThat(preview(type, segment)).as("before any change").isEqualTo(expected(4, 4, Map.of(), a, b, c, d));

        detach(a, type);
        assertThat(preview(type, segment)).as("after contact %s opted out through the API", a)
                .isEqualTo(expected(3, 4, Map.of("OPTED_OUT", 1L), b, c, d));

        long e = contact("user", TestPhones.icelandMobile());
        assertThat(preview(type, segment)).as("after contact %s was created through the API", e)
                .isEqualTo(expected(3, 5, Map.of("OPTED_OUT", 1L, "NOT_OPTED_IN", 1L), b, c, d));
        assertThat(count(scope)).as("count after contact %s was created", e).isEqualTo(5);

        changePhone(b, TestPhones.icelandMobile());
        assertThat(preview(type, segment)).as("after contact %s got a new number through the API", b)
                .isEqualTo(expected(2, 5, Map.of("OPTED_OUT", 1L, "NOT_OPTED_IN", 2L), c, d));

        execute("UPDATE contact SET phone_type = NULL WHERE id = ?", c);
        assertThat(preview(type, segment)).as("after SQL cleared the line type of contact %s", c)
                .isEqualTo(expected(1, 5, Map.of("OPTED_OUT", 1L, "NOT_OPTED_IN", 2L, "INVALID_NUMBER", 1L), d));

        block(dPhone);
        assertThat(preview(type, segment)).as("after SQL blocked the number of contact %s", d)
                .isEqualTo(expected(0, 5, Map.of("OPTED_OUT", 1L, "NOT_OPTED_IN", 2L, "INVALID_NUMBER", 1L,
                        "NUMBER_BLOCKED", 1L)));

        execute("DELETE FROM sms_number_block WHERE phone = ?", dPhone);
        assertThat(preview(type, segment)).as("after SQL unblocked the number of contact %s", d)
                .isEqualTo(expected(1, 5, Map.of("OPTED_OUT", 1L, "NOT_OPTED_IN", 2L, "INVALID_NUMBER", 1L), d));

        deleteContact(d);
        assertThat(preview(type, segment)).as("after contact %s was deleted through the API", d)
                .isEqualTo(expected(0, 4, Map.of("OPTED_OUT", 1L, "NOT_OPTED_IN", 2L, "INVALID_NUMBER", 1L)));
        assertThat(count(scope)).as("count after contact %s was deleted", d).isEqualTo(4);
    }

    /** The update triggers write one change row for an unchanged key and one for each key that changed. */
    @Test
    void updateTriggersNameOldAndNewKeys() throws SQLException {
        String before = TestPhones.icelandMobile();
        String after = TestPhones.icelandMobile();
        long contact = contact("user", TestPhones.icelandMobile());
        block(before);
        try (Connection connection = TestDatabase.connect()) {
            long start = number(connection, "SELECT COALESCE(MAX(seq), 0) FROM audience_change");

            execute(connection, "UPDATE sms_number_block SET phone = ? WHERE phone = ?", after, before);
            execute(connection, "UPDATE sms_number_block SET blocked_at = UTC_TIMESTAMP(6) WHERE phone = ?", after);
            execute(connection, "UPDATE contact SET updated_at = UTC_TIMESTAMP(6) WHERE id = ?", contact);

            assertThat(changedPhones(connection, start, before, after)).as("rows naming the blocked numbers")
                    .containsExactly(after, before, after);
            assertThat(number(connection, "SELECT COUNT(*) FROM audience_change WHERE seq > ? AND contact_id = ?",
                    start, contact)).as("rows naming contact %s", contact).isEqualTo(1);
        } finally {
            execute("DELETE FROM sms_number_block WHERE phone IN (?, ?)", before, after);
        }
    }

    private static List<String> changedPhones(Connection connection, long afterSeq, String first, String second)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT phone FROM audience_change WHERE seq > ? AND phone IN (?, ?) ORDER BY seq")) {
            statement.setLong(1, afterSeq);
            statement.setString(2, first);
            statement.setString(3, second);
            List<String> phones = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    phones.add(rows.getString(1));
                }
            }
            return phones;
        }
    }

    /**
     * An SQL transaction changes a contact and stays open while the API commits a later change. The
     * open transaction's change row has the lower sequence number but commits last, so the index must
     * read that gap again.
     */
    @Test
    void changeCommittedOutOfOrderIsCounted() throws SQLException {
        String type = smsType("Index late update " + unique(), "opt_out", true);
        long changed = contact("user", TestPhones.icelandMobile());
        long optedOut = contact("user", TestPhones.icelandMobile());
        String segment = saveSegment("Index late update " + unique(), all(where("id", ">=", changed)).toString());
        assertThat(preview(type, segment)).as("before the changes").isEqualTo(expected(2, 2, Map.of(), changed, optedOut));

        long openSeq;
        long committedSeq;
        Preview whileOpen;
        Preview afterCommit;
        Duration elapsed;
        try (Connection open = TestDatabase.connect()) {
            open.setAutoCommit(false);
            long started = System.nanoTime();
            execute(open, "UPDATE contact SET phone_type = NULL WHERE id = ?", changed);
            openSeq = number(open, "SELECT MAX(seq) FROM audience_change WHERE contact_id = ?", changed);
            long optedOutBefore = TestDatabase.number("SELECT MAX(seq) FROM audience_change WHERE contact_id = ?", optedOut);

            attach(optedOut, type, "opt_out");
            committedSeq = TestDatabase.number("SELECT MIN(seq) FROM audience_change WHERE contact_id = ? AND seq > ?",
                    optedOut, optedOutBefore);
            whileOpen = preview(type, segment);
            open.commit();
            elapsed = Duration.ofNanos(System.nanoTime() - started);
            afterCommit = preview(type, segment);
        }

        assertThat(openSeq).as("sequence number of the open transaction's change row, below the API's").isLessThan(committedSeq);
        assertThat(whileOpen).as("while the update of contact %s is not committed", changed)
                .isEqualTo(expected(1, 2, Map.of("OPTED_OUT", 1L), changed));
        assertThat(elapsed).as("time from the open transaction's update to the last preview; above the window, "
                + "the index may settle the gap and this test checks nothing").isLessThan(GAP_WINDOW);
        assertThat(afterCommit).as("after the update of contact %s committed, %s after it was made", changed, elapsed)
                .isEqualTo(expected(0, 2, Map.of("OPTED_OUT", 1L, "INVALID_NUMBER", 1L)));
    }

    /**
     * As {@link #changeCommittedOutOfOrderIsCounted}, with a new contact: its id is lower than that of a
     * contact the index already holds, so the index must insert it between its columns' positions and
     * keep every state with its contact.
     */
    @Test
    void contactInsertedOutOfIdOrderIsCounted() throws SQLException {
        String type = smsType("Index late insert " + unique(), "opt_out", true);
        long first = contact("user", TestPhones.icelandMobile());
        String segment = saveSegment("Index late insert " + unique(), all(where("id", ">=", first)).toString());
        assertThat(preview(type, segment)).as("before the changes").isEqualTo(expected(1, 1, Map.of(), first));

        long late;
        long lateSeq;
        long optedOut;
        long optedOutSeq;
        Preview whileOpen;
        Preview afterCommit;
        Duration elapsed;
        try (Connection open = TestDatabase.connect()) {
            open.setAutoCommit(false);
            long started = System.nanoTime();
            try (PreparedStatement insert = open.prepareStatement("INSERT INTO contact (role, name, phone, phone_type, "
                    + "created_at, updated_at) VALUES ('USER', 'Late insert', ?, 'MOBILE', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, TestPhones.icelandMobile());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    late = keys.getLong(1);
                }
            }
            lateSeq = number(open, "SELECT MAX(seq) FROM audience_change WHERE contact_id = ?", late);

            optedOut = contact("user", TestPhones.icelandMobile());
            attach(optedOut, type, "opt_out");
            optedOutSeq = TestDatabase.number("SELECT MIN(seq) FROM audience_change WHERE contact_id = ?", optedOut);
            whileOpen = preview(type, segment);
            open.commit();
            elapsed = Duration.ofNanos(System.nanoTime() - started);
            afterCommit = preview(type, segment);
        }

        assertThat(late).as("id of the contact inserted in the open transaction").isBetween(first, optedOut);
        assertThat(lateSeq).as("sequence number of the open transaction's change row, below the API's").isLessThan(optedOutSeq);
        assertThat(whileOpen).as("while the insert of contact %s is not committed", late)
                .isEqualTo(expected(1, 2, Map.of("OPTED_OUT", 1L), first));
        assertThat(elapsed).as("time from the open transaction's insert to the last preview; above the window, "
                + "the index may settle the gap and this test checks nothing").isLessThan(GAP_WINDOW);
        assertThat(afterCommit).as("after the insert of contact %s committed, %s after it was made", late, elapsed)
                .isEqualTo(expected(2, 3, Map.of("OPTED_OUT", 1L), first, late));
    }

    /**
     * Changes a contact in SQL and deletes the change row in the same transaction, so that only the
     * tables have the change. The indexed preview, count and API search total keep the old facts and
     * the SQL ones show the new, which shows which of the two counted. The next change row of the contact brings the
     * index up to date again.
     */
    @Test
    void previewReadsIndexNotTables() throws SQLException {
        String tag = unique();
        String type = smsType("Index hidden " + tag, "opt_out", true);
        long hidden = contact("user", TestPhones.icelandMobile());
        long other = contact("user", TestPhones.icelandMobile());
        JsonObject scope = all(where("id", ">=", hidden));
        JsonObject valid = all(where("id", ">=", hidden), where("phone_valid", "=", true));
        String forcingEmail = "nobody-" + UUID.randomUUID() + "@never.invalid";
        String indexed = saveSegment("Index hidden " + tag, scope.toString());
        String bySql = saveSegment("Index hidden in SQL " + tag, forced(scope, forcingEmail));
        assertThat(preview(type, indexed)).as("indexed preview before the hidden change")
                .isEqualTo(expected(2, 2, Map.of(), hidden, other));

        try (Connection connection = TestDatabase.connect()) {
            connection.setAutoCommit(false);
            execute(connection, "UPDATE contact SET phone_type = NULL WHERE id = ?", hidden);
            long seq = number(connection, "SELECT MAX(seq) FROM audience_change WHERE contact_id = ?", hidden);
            assertThat(execute(connection, "DELETE FROM audience_change WHERE seq = ?", seq)).isEqualTo(1);
            connection.commit();
        }
        Preview indexedAfterHiding = preview(type, indexed);
        Preview sqlAfterHiding = preview(type, bySql);
        long indexedValid = count(valid.toString());
        long sqlValid = count(forced(valid, forcingEmail));
        long searchedValid = searchTotal(valid.toString());
        long searchedValidInSql = searchTotal(forced(valid, forcingEmail));
        execute("UPDATE contact SET updated_at = UTC_TIMESTAMP(6) WHERE id = ?", hidden);

        assertThat(indexedAfterHiding).as("indexed preview, which never saw the change")
                .isEqualTo(expected(2, 2, Map.of(), hidden, other));
        assertThat(sqlAfterHiding).as("preview in SQL").isEqualTo(expected(1, 2, Map.of("INVALID_NUMBER", 1L), other));
        assertThat(indexedValid).as("indexed count of valid numbers").isEqualTo(2);
        assertThat(sqlValid).as("count of valid numbers in SQL").isEqualTo(1);
        assertThat(searchedValid).as("total_count of the API search, from the index").isEqualTo(2);
        assertThat(searchedValidInSql).as("total_count of the API search in SQL").isEqualTo(1);
        assertThat(preview(type, indexed)).as("indexed preview after a change row of contact %s", hidden)
                .isEqualTo(expected(1, 2, Map.of("INVALID_NUMBER", 1L), other));
    }

    /** Returns the {@code total_count} of {@code POST /api/contacts/search} for {@code query}. */
    private long searchTotal(String query) {
        HttpResponse<String> response = api.post("/api/contacts/search", "{\"query\": " + query + "}");
        assertThat(response.statusCode()).as("search for %s: %s", query, response.body()).isEqualTo(200);
        return Http.json(response).getJsonNumber("total_count").longValue();
    }

    /** The counts, reasons and sample that the preview fragment shows, with every reason, zero included. */
    private record Preview(long reachable, long matching, Map<String, Long> excluded, List<String> sample) {
    }

    private static Preview expected(long reachable, long matching, Map<String, Long> excluded, long... sample) {
        Map<String, Long> reasons = new LinkedHashMap<>();
        REASONS.forEach(reason -> reasons.put(reason, excluded.getOrDefault(reason, 0L)));
        List<String> ids = new ArrayList<>();
        for (long id : sample) {
            ids.add(String.valueOf(id));
        }
        return new Preview(reachable, matching, reasons, ids);
    }

    private Preview preview(String type, String segment) {
        HttpResponse<String> response = admin.htmxGet("/admin/segments/preview?type=" + type + "&segment=" + segment);
        assertThat(response.statusCode()).as("preview of segment %s under type %s: %s", segment, type, response.body())
                .isEqualTo(200);
        Document fragment = PageSession.document(response);
        String[] reachableOfMatching = fragment.selectFirst("#audience-reachable").text().split(" of ");
        Map<String, Long> excluded = new LinkedHashMap<>();
        for (Element row : fragment.select("tr[data-reason]")) {
            excluded.put(row.attr("data-reason"), Long.parseLong(row.select("td").get(1).text()));
        }
        return new Preview(Long.parseLong(reachableOfMatching[0]), Long.parseLong(reachableOfMatching[1]), excluded,
                fragment.select("[data-sample-contact]").eachAttr("data-sample-contact"));
    }

    /** Returns the editor's live count of the contacts that match {@code conditions}. */
    private long count(String conditions) {
        HttpResponse<String> response = admin.htmxGet("/admin/segments/count?conditions="
                + URLEncoder.encode(conditions, StandardCharsets.UTF_8));
        Matcher matcher = COUNT.matcher(response.body());
        assertThat(matcher.find()).as("count of %s: %s", conditions, response.body()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    /**
     * Creates contacts from {@code random}: first one of each kind that a reason of the preview needs,
     * then a random mix, and returns their ids in ascending order. Times are set last, in SQL.
     */
    private List<Long> population(Random random, String optIn, String optOut) {
        List<Plan> plans = new ArrayList<>(List.of(
                new Plan(false, Line.NONE, OptInState.NONE, OptOutState.OUT),
                new Plan(false, Line.INVALID, OptInState.IN, OptOutState.NONE),
                new Plan(false, Line.LANDLINE, OptInState.NONE, OptOutState.NONE),
                new Plan(true, Line.BLOCKED, OptInState.IN, OptOutState.NONE),
                new Plan(false, Line.MOBILE, OptInState.NONE, OptOutState.NONE),
                new Plan(false, Line.MOBILE, OptInState.OUT, OptOutState.OUT),
                new Plan(false, Line.MOBILE, OptInState.IN, OptOutState.IN),
                new Plan(true, Line.SHARED, OptInState.IN, OptOutState.NONE),
                new Plan(false, Line.MOBILE, OptInState.IN_FOR_OLD_NUMBER, OptOutState.NONE),
                new Plan(false, Line.VOIP, OptInState.IN, OptOutState.OUT)));
        Line[] lines = Line.values();
        for (int i = 0; i < RANDOM_CONTACTS; i++) {
            Line line = lines[random.nextInt(lines.length)];
            boolean capable = line != Line.NONE && line != Line.LANDLINE;
            OptInState optInState = capable ? OptInState.values()[random.nextInt(OptInState.values().length)] : OptInState.NONE;
            OptOutState optOutState = OptOutState.values()[random.nextInt(capable ? 3 : 2)];
            plans.add(new Plan(random.nextInt(10) < 3, line, optInState, optOutState));
        }

        List<Long> ids = new ArrayList<>();
        List<String> mobiles = new ArrayList<>();
        for (Plan plan : plans) {
            String phone = switch (plan.line()) {
                case NONE -> null;
                case LANDLINE -> "+44207946" + String.format("%04d", random.nextInt(1_000));
                case SHARED -> mobiles.isEmpty() ? TestPhones.icelandMobile() : mobiles.getLast();
                default -> TestPhones.icelandMobile();
            };
            long id = contact(plan.lead() ? "lead" : "user", phone);
            ids.add(id);
            switch (plan.optIn()) {
                case NONE -> { }
                case IN -> attach(id, optIn, "opt_in");
                case OUT -> {
                    attach(id, optIn, "opt_in");
                    detach(id, optIn);
                }
                case IN_FOR_OLD_NUMBER -> {
                    attach(id, optIn, "opt_in");
                    phone = TestPhones.icelandMobile();
                    changePhone(id, phone);
                }
            }
            switch (plan.optOut()) {
                case NONE -> { }
                case OUT -> attach(id, optOut, "opt_out");
                case IN -> {
                    attach(id, optOut, "opt_out");
                    detach(id, optOut);
                }
            }
            switch (plan.line()) {
                case INVALID -> execute("UPDATE contact SET phone_type = NULL WHERE id = ?", id);
                case VOIP -> execute("UPDATE contact SET phone_type = 'VOIP' WHERE id = ?", id);
                case BLOCKED -> block(phone);
                case MOBILE -> mobiles.add(phone);
                default -> { }
            }
        }

        for (long id : ids) {
            long createdMicros = (BASE_SECONDS + 3_600L * random.nextInt(10)) * 1_000_000 + (random.nextBoolean() ? 0 : 250_000);
            long updatedMicros = createdMicros + 86_400_000_000L * random.nextInt(3);
            String signedUp = random.nextInt(2) == 0 ? null : datetime((BASE_SECONDS + 3_600L * random.nextInt(10)) * 1_000_000);
            String lastSeen = random.nextInt(5) < 2 ? null
                    : datetime((BASE_SECONDS + 86_400L * (1 + random.nextInt(5))) * 1_000_000);
            execute("UPDATE contact SET created_at = ?, updated_at = ?, signed_up_at = ?, last_seen_at = ? WHERE id = ?",
                    datetime(createdMicros), datetime(updatedMicros), signedUp, lastSeen, id);
        }
        return ids;
    }

    /** What {@link #population} makes of one contact. */
    private record Plan(boolean lead, Line line, OptInState optIn, OptOutState optOut) {
    }

    /**
     * The number of a generated contact: none, a mobile number of its own, the number of the latest
     * MOBILE contact, a London landline, a number whose line type SQL sets to VOIP or clears, or a
     * blocked number.
     */
    private enum Line { NONE, MOBILE, SHARED, LANDLINE, VOIP, INVALID, BLOCKED }

    /** The state under the opt-in type, where IN_FOR_OLD_NUMBER is an opt-in followed by a change of number. */
    private enum OptInState { NONE, IN, OUT, IN_FOR_OLD_NUMBER }

    /** The state under the opt-out type, where IN is an explicit opt-in after an opt-out. */
    private enum OptOutState { NONE, OUT, IN }

    private static String datetime(long micros) {
        Instant time = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
        return DATETIME.format(time);
    }

    private static long hours(int hours) {
        return BASE_SECONDS + 3_600L * hours;
    }

    private static String forced(JsonObject segment, String forcingEmail) {
        return any(segment, where("email", "=", forcingEmail)).toString();
    }

    private static JsonObject where(String field, String operator, Object value) {
        return Json.createObjectBuilder().add("field", field).add("operator", operator).add("value", json(value)).build();
    }

    private static JsonObject all(JsonObject... parts) {
        return group("AND", parts);
    }

    private static JsonObject any(JsonObject... parts) {
        return group("OR", parts);
    }

    private static JsonObject group(String operator, JsonObject... parts) {
        JsonArrayBuilder value = Json.createArrayBuilder();
        for (JsonObject part : parts) {
            value.add(part);
        }
        return Json.createObjectBuilder().add("operator", operator).add("value", value).build();
    }

    private static JsonValue json(Object value) {
        return switch (value) {
            case null -> JsonValue.NULL;
            case String text -> Json.createValue(text);
            case Long number -> Json.createValue(number);
            case Boolean flag -> flag ? JsonValue.TRUE : JsonValue.FALSE;
            case List<?> list -> {
                JsonArrayBuilder array = Json.createArrayBuilder();
                list.forEach(item -> array.add(json(item)));
                yield array.build();
            }
            default -> throw new IllegalArgumentException("No JSON form for " + value.getClass().getName());
        };
    }

    /** Saves a segment through the editor's form and returns its id from the redirect to its page. */
    private long contact(String role, String phone) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("role", role).add("name", "Audience index " + unique());
        if (phone != null) {
            body.add("phone", phone);
        }
        HttpResponse<String> created = api.post("/api/contacts", body.build().toString());
        assertThat(created.statusCode()).as("creating a contact with number %s: %s", phone, created.body()).isEqualTo(200);
        return Long.parseLong(Http.json(created).getString("id"));
    }

    private long optedInContact(String type) {
        long id = contact("user", TestPhones.icelandMobile());
        attach(id, type, "opt_in");
        return id;
    }

    private void changePhone(long contactId, String phone) {
        HttpResponse<String> response = api.put("/api/contacts/" + contactId,
                Json.createObjectBuilder().add("phone", phone).build().toString(), null);
        assertThat(response.statusCode()).as("changing the number of contact %s: %s", contactId, response.body())
                .isEqualTo(200);
    }

    private void deleteContact(long contactId) {
        HttpResponse<String> response = api.send(api.http().request("/api/contacts/" + contactId)
                .header("Accept", "application/json").DELETE());
        assertThat(response.statusCode()).as("deleting contact %s: %s", contactId, response.body()).isEqualTo(200);
    }

    /**
     * Attaches a contact to a type as Intercom's API does: an opt-in to an opt-in type, an opt-out of an
     * opt-out type. {@code consentType} must be the type's.
     */
    private void attach(long contactId, String typeId, String consentType) {
        String body = Json.createObjectBuilder().add("id", typeId).add("consent_type", consentType).build().toString();
        HttpResponse<String> response = api.post("/api/contacts/" + contactId + "/subscriptions", body);
        assertThat(response.statusCode()).as("attaching %s to %s type %s: %s", contactId, consentType, typeId, response.body())
                .isEqualTo(200);
    }

    /** Detaches a contact from a type: an opt-out of an opt-in type, an opt-in to an opt-out type after its opt-out. */
    private void detach(long contactId, String typeId) {
        HttpResponse<String> response = api.send(api.http().request("/api/contacts/" + contactId + "/subscriptions/" + typeId)
                .header("Accept", "application/json").DELETE());
        assertThat(response.statusCode()).as("detaching %s from type %s: %s", contactId, typeId, response.body()).isEqualTo(200);
    }

    /** Blocks a number with the row that a STOP texted from it leaves. InboundSmsIT covers the webhook that writes it. */
    private static void block(String phone) {
        execute("INSERT INTO sms_number_block (phone, source, blocked_at) VALUES (?, 'SMS_KEYWORD', UTC_TIMESTAMP(6))", phone);
    }

    private static int execute(String sql, Object... parameters) {
        try (Connection connection = TestDatabase.connect()) {
            return execute(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    /** Runs {@code sql} with CHECK constraints off, so that it can store a name the database would reject. */
    private static int executeUnchecked(String sql, Object... parameters) {
        try (Connection connection = TestDatabase.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET SESSION check_constraint_checks = OFF");
            }
            return execute(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private static int execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] == null) {
                    statement.setNull(i + 1, Types.VARCHAR);
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            return statement.executeUpdate();
        }
    }

    private static long number(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as("a row from %s", sql).isTrue();
                return rows.getLong(1);
            }
        }
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private String saveSegment(String name, String conditions) {
        return SegmentFixtures.saveSegment(admin, name, conditions);
    }

    private String smsType(String name, String consentType, boolean live) {
        return SegmentFixtures.smsType(api, name, consentType, live);
    }
}
