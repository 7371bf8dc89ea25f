package org.optline.subscriptions.control;

import org.optline.subscriptions.api.BulkItemOutcome;
import org.optline.subscriptions.api.ConsentOutcome;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the ledger's outcomes for one chunk of a bulk job into the item rows and the counts to store.
 * Pure, so that the mapping is tested without a database.
 */
public final class ChunkTally {

    /** At most this many characters of a refusal message are kept, the column's size. */
    static final int MAX_MESSAGE = 500;

    private final List<ItemResult> items = new ArrayList<>();
    private int changed;
    private int already;
    private int refused;

    /** The stored result of one contact's item. Reason and message are null unless the outcome is REFUSED. */
    public record ItemResult(long contactId, BulkItemOutcome outcome, String refusalReason, String refusalMessage) {
    }

    public static ChunkTally of(List<ConsentOutcome> outcomes) {
        ChunkTally tally = new ChunkTally();
        outcomes.forEach(tally::add);
        return tally;
    }

    private void add(ConsentOutcome outcome) {
        switch (outcome) {
            case ConsentOutcome.Changed changedOutcome -> {
                changed++;
                items.add(new ItemResult(changedOutcome.contactId(), BulkItemOutcome.CHANGED, null, null));
            }
            case ConsentOutcome.AlreadySo alreadySo -> {
                already++;
                items.add(new ItemResult(alreadySo.contactId(), BulkItemOutcome.ALREADY, null, null));
            }
            case ConsentOutcome.Pending pending -> throw new IllegalStateException("Contact " + pending.contactId()
                    + ": a bulk job's opt-in waits for no confirmation, so it cannot be pending");
            case ConsentOutcome.Refused refusal -> {
                refused++;
                String message = refusal.message();
                if (message != null && message.length() > MAX_MESSAGE) {
                    message = message.substring(0, MAX_MESSAGE);
                }
                items.add(new ItemResult(refusal.contactId(), BulkItemOutcome.REFUSED, refusal.reason().name(), message));
            }
        }
    }

    public List<ItemResult> items() {
        return List.copyOf(items);
    }

    public int changed() {
        return changed;
    }

    public int already() {
        return already;
    }

    public int refused() {
        return refused;
    }
}
