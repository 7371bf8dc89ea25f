package org.optline.bench.bulk;

import org.optline.bench.data.Catalog;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times Optline's own bulk unsubscribe over HTTP, with the same filter, type and number of contacts as
 * the bare-SQL baseline on the next segment of the data. The time runs from the request that starts the
 * job to the moment the job reports every contact done, and the check afterwards is the baseline's.
 */
public final class OptlineBulkUnsubscribe {

    /** How often the job is polled; the error this adds to the measured time is at most this long. */
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration TIMEOUT = Duration.ofMinutes(20);

    private final String baseUrl;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public OptlineBulkUnsubscribe(String baseUrl, String token) {
        if (!URI.create(baseUrl).getHost().equals("127.0.0.1")) {
            throw new IllegalArgumentException("--base-url " + baseUrl + " is not on 127.0.0.1; the benchmark "
                    + "drives only an Optline it started itself.");
        }
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
    }

    /** Starts the job, waits until it is done, and returns its counts and the time it took. */
    public Optional<BulkResult> run(Segment segment) throws IOException, InterruptedException {
        String body = "{\"subscription_type_id\":\"" + Catalog.ACCOUNT_ALERTS.id() + "\",\"action\":\"opt_out\","
                + "\"query\":" + segment.intercomQuery() + ",\"expected_count\":" + segment.size() + "}";
        long start = System.nanoTime();
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/bulk_consent_jobs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        if (created.statusCode() != 200) {
            throw new IllegalStateException("Starting the bulk job failed with " + created.statusCode() + ": "
                    + created.body());
        }
        String id = text(created.body(), "id");
        long deadline = start + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> job = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/bulk_consent_jobs/" + id)).GET());
            String state = text(job.body(), "state");
            if (state.equals("done")) {
                long nanos = System.nanoTime() - start;
                return Optional.of(new BulkResult(number(job.body(), "total_count"), number(job.body(), "changed_count"),
                        number(job.body(), "already_count"), number(job.body(), "refused_count"), nanos));
            }
            if (state.equals("failed")) {
                throw new IllegalStateException("Bulk job " + id + " failed: " + job.body());
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException("Bulk job " + id + " did not finish within " + TIMEOUT.toMinutes() + " minutes.");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String text(String json, String field) {
        Matcher matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("Field " + field + " is missing from " + json);
        }
        return matcher.group(1);
    }

    private static int number(String json, String field) {
        Matcher matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("Field " + field + " is missing from " + json);
        }
        return Integer.parseInt(matcher.group(1));
    }
}
