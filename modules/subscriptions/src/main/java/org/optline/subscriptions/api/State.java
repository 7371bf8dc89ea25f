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

    /**
     * Returns what an admin does so that a type in {@code state} takes opt-ins: a draft is put live, and
     * an archived type never comes back, so a new type takes its place.
     */
    public static String howToMakeLive(State state) {
        return state == ARCHIVED
                ? "An archived type cannot be put live again; create a new type instead."
                : "Put it live first.";
    }
}
