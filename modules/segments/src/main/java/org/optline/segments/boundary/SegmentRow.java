package org.optline.segments.boundary;

import org.optline.segments.api.SegmentView;

/**
 * A row of the segments list.
 *
 * @param size the contacts that match the segment when the page was rendered
 */
public record SegmentRow(SegmentView segment, long size) {
}
