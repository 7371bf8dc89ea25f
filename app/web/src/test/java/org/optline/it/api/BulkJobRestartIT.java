package org.optline.it.api;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.optline.it.support.ApiClient;
import org.optline.it.support.Http;
import org.optline.it.support.LocalPayara;
import org.optline.it.support.Poll;
import org.optline.it.support.TestCredentials;
import org.optline.it.support.TestDatabase;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulk job survives the death of the instance that runs it. The test starts Payara Micro itself, kills
 * it with SIGKILL while a job of 20,000 contacts runs, starts a new instance, and checks that the job
 * finishes with every contact changed exactly once and every consent chain intact.
 *
 * <p>It uses no Arquillian container, because that container cannot be killed halfway; Maven runs the
 * test classes one after another, so no other instance claims the job meanwhile.
 */
class BulkJobRestartIT {

    private static final int CONTACTS = 20_000;
    /** Short, so the new instance may take the dead one's job over soon; the default is 60 s. */
    private static final List<String> SHORT_LEASE = List.of("optline.bulk.lease-seconds=10");

    @Test
    void jobKilledHalfwayFinishesAfterRestart() {
        String tag = "BulkRestart" + UUID.randomUUID().toString().substring(0, 8);
        List<Long> contacts = TestDatabase.insertContacts(tag, CONTACTS, null);
        long jobId;
        String typeId;
        JsonObject seenBeforeKill;
        try (LocalPayara first = LocalPayara.start("bulk-restart-first", SHORT_LEASE)) {
            ApiClient api = new ApiClient(first.base(), TestCredentials.apiToken());
            typeId = liveEmailType(api);
            jobId = Long.parseLong(Http.json(api.post("/api/bulk_consent_jobs", "{\"subscription_type_id\": \"" + typeId
                    + "\", \"action\": \"opt_in\", \"query\": {\"field\": \"name\", \"operator\": \"~\", \"value\": \""
                    + tag + "\"}}")).getString("id"));
            seenBeforeKill = Poll.until("bulk job " + jobId + " to record its first chunk", Duration.ofMinutes(3),
                    () -> Http.json(api.get("/api/bulk_consent_jobs/" + jobId)),
                    job -> job.getInt("processed_count") > 0 || !job.getString("state").equals("queued")
                            && !job.getString("state").equals("running"));
            first.kill();
        }
        long changedAtKill = number("SELECT changed_count FROM bulk_consent_job WHERE id = ?", jobId);
        long runningAtKill = number("SELECT COUNT(*) FROM bulk_consent_job WHERE id = ? AND state = 'RUNNING' "
                + "AND lease_owner IS NOT NULL", jobId);
        long eventsAtKill = number("SELECT COUNT(*) FROM consent_event WHERE bulk_job_id = ?", jobId);
        long changedItemsAtKill = number("SELECT COUNT(*) FROM bulk_consent_item WHERE job_id = ? AND outcome = 'CHANGED'", jobId);

        JsonObject done;
        List<JsonObject> chains;
        try (LocalPayara second = LocalPayara.start("bulk-restart-second", SHORT_LEASE)) {
            ApiClient api = new ApiClient(second.base(), TestCredentials.apiToken());
            done = Poll.until("bulk job " + jobId + " to finish on the new instance", Duration.ofMinutes(5),
                    () -> Http.json(api.get("/api/bulk_consent_jobs/" + jobId)),
                    job -> job.getString("state").equals("done") || job.getString("state").equals("failed"));
            int boundary = (int) Math.min(changedAtKill, CONTACTS - 1);
            chains = List.of(contacts.getFirst(), contacts.get(boundary - 1), contacts.get(boundary),
                            contacts.get(CONTACTS / 2), contacts.getLast()).stream()
                    .map(id -> Http.json(api.get("/api/contacts/" + id + "/consent_chain")))
                    .toList();
        }

        assertThat(seenBeforeKill.getString("state")).as("state seen before the kill").isEqualTo("running");
        assertThat(seenBeforeKill.getInt("processed_count")).as("contacts processed when seen before the kill")
                .isBetween(1, CONTACTS - 1);
        assertThat(runningAtKill).as("job RUNNING under a lease after the kill").isEqualTo(1);
        assertThat(changedAtKill).as("contacts changed before the kill").isBetween(1L, CONTACTS - 1L);
        assertThat(eventsAtKill).as("events recorded before the kill").isEqualTo(changedAtKill);
        assertThat(changedItemsAtKill).as("items CHANGED before the kill").isEqualTo(changedAtKill);

        assertThat(done.getString("state")).isEqualTo("done");
        assertThat(done.getInt("changed_count")).isEqualTo(CONTACTS);
        assertThat(done.getInt("already_count")).isZero();
        assertThat(done.getInt("refused_count")).isZero();
        assertThat(number("SELECT COUNT(*) FROM bulk_consent_item WHERE job_id = ? AND outcome = 'CHANGED'", jobId))
                .as("items CHANGED").isEqualTo(CONTACTS);
        assertThat(number("SELECT COUNT(*) FROM consent_event WHERE bulk_job_id = ?", jobId))
                .as("events of the job").isEqualTo(CONTACTS);
        assertThat(number("SELECT COUNT(*) FROM bulk_consent_item i WHERE i.job_id = ? AND "
                + "(SELECT COUNT(*) FROM consent_event e WHERE e.contact_id = i.contact_id AND e.bulk_job_id = i.job_id) = 1", jobId))
                .as("contacts with exactly one event of the job").isEqualTo(CONTACTS);
        assertThat(number("SELECT COUNT(*) FROM bulk_consent_item i JOIN consent_chain c ON c.contact_id = i.contact_id "
                + "JOIN consent_event e ON e.contact_id = i.contact_id AND e.seq = 1 "
                + "WHERE i.job_id = ? AND c.length = 1 AND c.head_hash = e.hash AND e.previous_hash = REPEAT('0', 64)", jobId))
                .as("chains of one event whose head is that event").isEqualTo(CONTACTS);
        assertThat(number("SELECT COUNT(*) FROM bulk_consent_item i JOIN consent_state s ON s.contact_id = i.contact_id "
                + "WHERE i.job_id = ? AND s.subscription_type_id = ? AND s.state = 'OPT_IN' AND s.event_seq = 1", jobId, typeId))
                .as("contacts opted in by the job's event").isEqualTo(CONTACTS);
        for (JsonObject chain : chains) {
            assertThat(chain.getBoolean("intact")).as("chain of contact %s intact", chain.getString("contact_id")).isTrue();
            assertThat(chain.getInt("events")).as("events of contact %s", chain.getString("contact_id")).isEqualTo(1);
        }
    }

    private static String liveEmailType(ApiClient api) {
        String id = Http.json(api.post("/api/subscription_types", "{\"content_types\": [\"email\"], \"consent_type\": "
                + "\"opt_in\", \"default_translation\": {\"name\": \"Restart " + UUID.randomUUID() + "\", "
                + "\"description\": \"\", \"locale\": \"en\"}}")).getString("id");
        assertThat(api.post("/api/subscription_types/" + id + "/put_live", "").statusCode()).isEqualTo(200);
        return id;
    }

    private static long number(String sql, Object... parameters) {
        return TestDatabase.number(sql, parameters);
    }
}
