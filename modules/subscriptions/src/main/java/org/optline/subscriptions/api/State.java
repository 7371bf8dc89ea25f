package org.optline.subscriptions.api;

/** Where a subscription type is in its life: draft, then live, then archived; never deleted. */
public enum State {
    /** Being prepared; not offered to customers, forms or sends. */
    DRAFT("draft", "Draft"),
    /** Offered to customers, forms and sends. */
    LIVE("live", "Live"),
    /** Retired: kept so that old consent records keep their meaning, never offered again. */
    ARCHIVED("archived", "Archived");

    private final String apiName;
    private final String label;

    State(String apiName, String label) {
        this.apiName = apiName;
        this.label = label;
    }

    public String apiName() {
        return apiName;
    }

    public String label() {
        return label;
    }
}
