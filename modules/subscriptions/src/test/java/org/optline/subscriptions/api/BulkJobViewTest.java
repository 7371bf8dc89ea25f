package org.optline.subscriptions.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class BulkJobViewTest {

    private static BulkJobView job(int total, int changed, int already, int refused) {
        return new BulkJobView(1, 7, ConsentAction.OPT_OUT, "LISTED", null, null, "admin@example.com", ActorKind.ADMIN,
                Instant.EPOCH, BulkJobState.RUNNING, total, changed, already, refused, null, null, null, 0);
    }

    @ParameterizedTest
    @CsvSource({
            // total, changed, already, refused, processed, percent
            "3000, 0, 0, 0, 0, 0",
            "3000, 500, 400, 100, 1000, 33",
            "3000, 2990, 0, 9, 2999, 99",
            "3000, 2990, 0, 10, 3000, 100",
    })
    void percentDoneRoundsDown(int total, int changed, int already, int refused, int processed, int percent) {
        BulkJobView job = job(total, changed, already, refused);

        assertThat(job.processedCount()).isEqualTo(processed);
        assertThat(job.percentDone()).isEqualTo(percent);
    }
}
