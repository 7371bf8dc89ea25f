package org.optline.subscriptions.boundary;

import gg.jte.output.StringOutput;
import org.junit.jupiter.api.Test;
import org.optline.subscriptions.api.ActorKind;
import org.optline.subscriptions.api.BulkJobState;
import org.optline.subscriptions.api.BulkJobView;
import org.optline.subscriptions.api.ConsentAction;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BulkJobTemplatesTest {

    private static String progress(BulkJobState state, int processed) {
        BulkJobView job = new BulkJobView(12, 7, ConsentAction.OPT_OUT, "MATCHING", null, null, "admin@example.com",
                ActorKind.ADMIN, Instant.EPOCH, state, 20_000, processed, 0, 0, Instant.EPOCH, null, null, 3);
        StringOutput output = new StringOutput();
        BulkJobsPage.render("bulk/progress.jte", Map.of("model", new BulkJobModel(job, "Deals"))).writeTo(output);
        return output.toString();
    }

    @Test
    void runningJobPollsEverySecond() {
        String html = progress(BulkJobState.RUNNING, 5_000);

        assertThat(html).contains("hx-get=\"/admin/bulk-jobs/12/progress\"");
        assertThat(html).contains("hx-trigger=\"every 1s\"");
        assertThat(html).contains("hx-swap=\"outerHTML\"");
    }

    @Test
    void queuedJobPollsEverySecond() {
        assertThat(progress(BulkJobState.QUEUED, 0)).contains("hx-trigger=\"every 1s\"");
    }

    @Test
    void finishedJobStopsPolling() {
        String html = progress(BulkJobState.DONE, 20_000);

        assertThat(html).doesNotContain("hx-trigger");
        assertThat(html).doesNotContain("hx-get");
    }

    @Test
    void progressBarShowsProcessedOfTotal() {
        String html = progress(BulkJobState.RUNNING, 5_000);

        assertThat(html).contains("value=\"5000\"");
        assertThat(html).contains("max=\"20000\"");
        assertThat(html).contains("5,000 of 20,000 contacts (25%)");
        assertThat(html).doesNotContain("style=");
    }
}
