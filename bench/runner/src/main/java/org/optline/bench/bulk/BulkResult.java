package org.optline.bench.bulk;

/**
 * The outcome of one bulk unsubscribe and its duration, from selecting the contacts to the last commit.
 *
 * @param selected the contacts the filter selected
 * @param changed  the contacts that got an event
 * @param alreadySo the contacts that were opted out already, so nothing was recorded
 * @param refused  the contacts the change did not apply to, such as deleted ones
 */
public record BulkResult(int selected, int changed, int alreadySo, int refused, long nanos) {

    public double seconds() {
        return nanos / 1e9;
    }

    public double contactsPerSecond() {
        return selected / seconds();
    }

    /** Prints the figures as {@code RESULT} lines whose names start with {@code prefix}. */
    public void print(String prefix) {
        System.out.printf("RESULT %s_contacts=%d%nRESULT %s_changed=%d%nRESULT %s_already_so=%d%nRESULT %s_refused=%d%n"
                        + "RESULT %s_seconds=%.3f%nRESULT %s_contacts_per_second=%.0f%n",
                prefix, selected, prefix, changed, prefix, alreadySo, prefix, refused, prefix, seconds(), prefix,
                contactsPerSecond());
    }
}
