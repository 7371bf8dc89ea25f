package org.optline.segments.api;

import java.util.List;
import java.util.Map;

/**
 * Who a send under one subscription type would reach, counted when the preview was made.
 *
 * @param matching   contacts that match the segment (all contacts without one)
 * @param reachable  contacts that would get the message
 * @param sample     ids of some reachable contacts, for showing them
 * @param excluded   contacts left out, by reason; each contact counts once, under its first reason in
 *                   the order of {@link ExclusionReason}
 */
public record AudiencePreview(long matching, long reachable, List<Long> sample, Map<ExclusionReason, Long> excluded) {
}
