package org.optline.bench.bulk;

import java.util.Optional;

/**
 * Times Optline's own bulk unsubscribe over HTTP, with the same filter, type and number of contacts as
 * the bare-SQL baseline on the next segment of the data. The time runs from the request that starts the
 * job to the moment the job reports every contact done, and the check afterwards is the baseline's.
 */
public final class OptlineBulkUnsubscribe {

    private final String baseUrl;
    private final String token;

    public OptlineBulkUnsubscribe(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** Returns the result, or empty when Optline has no bulk job endpoint to drive yet. */
    public Optional<BulkResult> run(Segment segment) {
        // TODO: drive POST /api/bulk_consent_jobs once the persistent bulk consent job is merged: send
        //  segment.intercomQuery() as the filter, subscription type 3 (Catalog.ACCOUNT_ALERTS) and the
        //  unsubscribe action with the Bearer token, then poll GET /api/bulk_consent_jobs/{id} until it
        //  reports finished, and return its changed / already-so / refused counts with the time from the
        //  POST to that response. Until then bench/run reports this figure as not measured.
        System.out.printf("RESULT bulk_optline_status=not_measured%n");
        System.out.printf("Optline's bulk job is not measured yet: no bulk job endpoint at %s/api/bulk_consent_jobs "
                + "(the filter would be %s, %d contacts, token of %d characters)%n", baseUrl, segment.intercomQuery(),
                segment.size(), token.length());
        return Optional.empty();
    }
}
