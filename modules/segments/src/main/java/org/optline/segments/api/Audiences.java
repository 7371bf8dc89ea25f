package org.optline.segments.api;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/**
 * Segments and the audiences of sends: who matches a segment, and who of them may be texted under a
 * subscription type.
 */
@ApplicationScoped
public class Audiences {

    /** Returns a segment. */
    public Optional<SegmentView> segment(long segmentId) {
        throw new UnsupportedOperationException("Segments are not built yet.");
    }

    /** Returns every segment, by name. */
    public List<SegmentView> segments() {
        throw new UnsupportedOperationException("Segments are not built yet.");
    }

    /**
     * Previews a send under a subscription type to a segment, or to all contacts when {@code segmentId}
     * is null.
     */
    public AudiencePreview preview(long subscriptionTypeId, Long segmentId, int sampleSize) {
        throw new UnsupportedOperationException("Segments are not built yet.");
    }

    /**
     * Returns the ids of the reachable contacts of a send, ascending, after {@code afterContactId}, at
     * most {@code limit}: the pages a send job walks through.
     */
    public List<Long> reachable(long subscriptionTypeId, Long segmentId, long afterContactId, int limit) {
        throw new UnsupportedOperationException("Segments are not built yet.");
    }
}
