package org.optline.subscriptions.boundary;

/**
 * The part of the bulk action bar that follows the contacts list's selection: how many contacts are
 * ticked, how many match the filter, and the choice between the two. The choice defaults to the ticked
 * contacts when there are any, and to every contact that matches the filter otherwise, so ticking a box
 * always narrows the action to the ticked contacts.
 *
 * @param matchingCount how many contacts match the list's current filter
 * @param selectedCount how many different contacts are ticked
 */
public record BulkSelectionModel(long matchingCount, int selectedCount) {

    /** Returns the count shown above the choice, such as "3 selected". */
    public String selectionText() {
        return selectedCount == 0 ? "None selected" : BulkJobModel.number(selectedCount) + " selected";
    }

    public String listedLabel() {
        return switch (selectedCount) {
            case 0 -> "The selected contacts (tick them in the list)";
            case 1 -> "The selected contact";
            default -> "The " + BulkJobModel.number(selectedCount) + " selected contacts";
        };
    }

    public String matchingLabel() {
        if (matchingCount == 0) {
            return "All contacts that match the current filter (none match)";
        }
        return matchingCount == 1 ? "The 1 contact that matches the current filter"
                : "All " + BulkJobModel.number(matchingCount) + " contacts that match the current filter";
    }

    public boolean listedChecked() {
        return selectedCount > 0;
    }

    public boolean matchingChecked() {
        return selectedCount == 0 && matchingCount > 0;
    }
}
