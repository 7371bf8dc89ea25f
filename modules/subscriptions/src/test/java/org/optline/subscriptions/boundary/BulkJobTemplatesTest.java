package org.optline.subscriptions.boundary;

import gg.jte.output.StringOutput;
import org.junit.jupiter.api.Test;
import org.optline.subscriptions.api.ActorKind;
import org.optline.subscriptions.api.BulkJobItemPage;
import org.optline.subscriptions.api.BulkJobState;
import org.optline.subscriptions.api.BulkJobView;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentType;
import org.optline.subscriptions.api.LocaleCode;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.State;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.Translation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BulkJobTemplatesTest {

    private static final LocaleCode EN = new LocaleCode("en");
    private static final SubscriptionTypeView DEALS = new SubscriptionTypeView(7, MessageType.SMS, ConsentType.OPT_IN,
            State.LIVE, EN, List.of(new Translation(EN, "Deals", "")), 1, Instant.EPOCH, Instant.EPOCH);

    private static BulkJobModel model(BulkJobState state, int processed) {
        BulkJobView job = new BulkJobView(12, 7, ConsentAction.OPT_OUT, "MATCHING", null, null, "admin@example.com",
                ActorKind.ADMIN, Instant.EPOCH, state, 20_000, processed, 0, 0, Instant.EPOCH, null, null, 3);
        return new BulkJobModel(job, "Deals");
    }

    private static String render(String template, Map<String, Object> parameters) {
        StringOutput output = new StringOutput();
        BulkJobsPage.render(template, parameters).writeTo(output);
        return output.toString();
    }

    private static String progress(BulkJobState state, int processed) {
        return render("bulk/progress.jte", Map.of("model", model(state, processed)));
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
        assertThat(html).contains("<dd class=\"col-sm-9\" id=\"job-changed\">5,000</dd>");
        assertThat(html).doesNotContain("style=");
    }

    @Test
    void progressUpdateCarriesStatusOutOfBand() {
        String html = render("bulk/progress.jte", Map.of("model", model(BulkJobState.RUNNING, 5_000), "update", true));

        assertThat(html).contains("<span id=\"job-progress-text\" hx-swap-oob=\"innerHTML\">"
                + "Running: 5,000 of 20,000 contacts (25%)</span>");
    }

    @Test
    void jobPageStatusIsLiveRegion() {
        BulkReportModel report = new BulkReportModel(12, new BulkJobItemPage(List.of(), 1, 50, 0), null, Map.of());

        String html = render("bulk/job.jte", Map.of("model", model(BulkJobState.QUEUED, 0), "report", report));

        assertThat(html).contains("id=\"job-progress-text\" role=\"status\" aria-live=\"polite\"");
        assertThat(html).contains("Queued: 0 of 20,000 contacts (0%)");
        assertThat(html).doesNotContain("hx-swap-oob");
    }

    @Test
    void selectionReloadClearsConfirmation() {
        String html = render("bulk/selection.jte", Map.of("selection", new BulkSelectionModel(300, 2), "update", true));

        assertThat(html).contains("<div id=\"bulk-confirm\" hx-swap-oob=\"innerHTML\"></div>");
        assertThat(html).contains("id=\"bulk-scope-listed\" value=\"listed\"\n               checked>");
    }

    @Test
    void barKeepsTypeOutsideReloadedPart() {
        String html = render("bulk/actions.jte", Map.of("model", new BulkActionsModel(List.of(DEALS),
                new BulkSelectionModel(300, 0))));

        String reloaded = html.substring(html.indexOf("id=\"bulk-selection\""), html.indexOf("id=\"bulk-type\""));
        assertThat(reloaded).contains("hx-trigger=\"contactSelectionChanged from:body\"");
        assertThat(reloaded).contains("hx-target=\"this\"");
        assertThat(html).contains("All 300 contacts that match the current filter");
        assertThat(html).contains("<option value=\"7\">Deals (SMS, opt-in)</option>");
        assertThat(html).doesNotContain("hx-swap-oob");
    }
}
