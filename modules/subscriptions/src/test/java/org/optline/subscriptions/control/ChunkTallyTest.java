package org.optline.subscriptions.control;

import org.junit.jupiter.api.Test;
import org.optline.subscriptions.api.BulkItemOutcome;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentOutcome;
import org.optline.subscriptions.api.ConsentOutcome.RefusalReason;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChunkTallyTest {

    @Test
    void outcomesAreCountedByKind() {
        ChunkTally tally = ChunkTally.of(List.of(
                new ConsentOutcome.Changed(1, 1, ConsentAction.OPT_OUT),
                new ConsentOutcome.AlreadySo(2, ConsentAction.OPT_OUT),
                new ConsentOutcome.Changed(3, 4, ConsentAction.OPT_OUT),
                new ConsentOutcome.Refused(4, RefusalReason.CONTACT_NOT_FOUND, "Contact 4 was not found.")));

        assertThat(tally.changed()).isEqualTo(2);
        assertThat(tally.already()).isEqualTo(1);
        assertThat(tally.refused()).isEqualTo(1);
    }

    @Test
    void itemsKeepContactOrderAndOutcome() {
        ChunkTally tally = ChunkTally.of(List.of(
                new ConsentOutcome.AlreadySo(8, ConsentAction.OPT_IN),
                new ConsentOutcome.Changed(9, 2, ConsentAction.OPT_IN)));

        assertThat(tally.items()).containsExactly(
                new ChunkTally.ItemResult(8, BulkItemOutcome.ALREADY, null, null),
                new ChunkTally.ItemResult(9, BulkItemOutcome.CHANGED, null, null));
    }

    @Test
    void refusedItemCarriesReasonAndMessage() {
        ChunkTally tally = ChunkTally.of(List.of(new ConsentOutcome.Refused(6, RefusalReason.OPTED_OUT_BY_CUSTOMER,
                "Contact 6 opted out themselves.")));

        assertThat(tally.items()).containsExactly(new ChunkTally.ItemResult(6, BulkItemOutcome.REFUSED,
                "OPTED_OUT_BY_CUSTOMER", "Contact 6 opted out themselves."));
    }

    @Test
    void longRefusalMessageIsCutToColumnSize() {
        ChunkTally tally = ChunkTally.of(List.of(new ConsentOutcome.Refused(6, RefusalReason.NO_PHONE, "x".repeat(700))));

        assertThat(tally.items().getFirst().refusalMessage()).hasSize(ChunkTally.MAX_MESSAGE);
    }
}
