package org.optline.segments.api;

import org.optline.platform.ResourceNotFoundException;

/** No segment has the requested id, or it was deleted. */
public class SegmentNotFoundException extends ResourceNotFoundException {

    private static final long serialVersionUID = 1L;

    public SegmentNotFoundException(long id) {
        super("Segment " + id + " was not found. It may have been deleted; reload the segments page.");
    }
}
