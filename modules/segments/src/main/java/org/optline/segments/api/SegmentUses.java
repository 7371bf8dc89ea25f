package org.optline.segments.api;

import java.util.Optional;

/**
 * Something outside this module that still needs a segment, such as a scheduled send. Modules that
 * keep segment ids implement it as CDI beans; a segment that any of them reports is not deleted.
 */
public interface SegmentUses {

    /** Returns what uses the segment in words an admin understands, such as "scheduled send 12", or empty. */
    Optional<String> use(long segmentId);
}
