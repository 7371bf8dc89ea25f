package org.optline.subscriptions.api;

import java.util.List;

/**
 * One page of a bulk job's per-contact report, in position order.
 *
 * @param page       the page number, from 1
 * @param totalCount how many items match the outcome filter in all
 */
public record BulkJobItemPage(List<BulkJobItemView> items, int page, int perPage, long totalCount) {

    public BulkJobItemPage {
        items = List.copyOf(items);
    }

    public int pageCount() {
        return totalCount == 0 ? 1 : (int) ((totalCount + perPage - 1) / perPage);
    }
}
