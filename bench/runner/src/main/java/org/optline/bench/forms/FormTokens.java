package org.optline.bench.forms;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issues a messenger token for every Optline form's contact through {@code POST /messenger/session}, as
 * the widget script does with the visitor id it keeps, and writes the files the load script reads:
 * {@code optline-*.tsv} with the form id, the token and the number as typed.
 */
public final class FormTokens {

    /** Concurrent session requests; enough to keep two cores busy without queueing in Payara. */
    private static final int CONCURRENCY = 8;
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private final URI sessionUri;
    private final String origin;
    private final Path workDir;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public FormTokens(String baseUrl, String origin, Path workDir) {
        if (!URI.create(baseUrl).getHost().equals("127.0.0.1")) {
            throw new IllegalArgumentException("--base-url " + baseUrl + " is not on 127.0.0.1; the benchmark "
                    + "drives only an Optline it started itself.");
        }
        this.sessionUri = URI.create((baseUrl.endsWith("/") ? baseUrl : baseUrl + "/") + "messenger/session");
        this.origin = origin;
        this.workDir = workDir;
    }

    public void run() throws IOException, InterruptedException, ExecutionException {
        FormPools pools = FormPools.load(workDir);
        long started = System.nanoTime();
        int issued = 0;
        for (FormPools.Range range : new FormPools.Range[]{pools.optlineWarmup(), pools.optlineMeasured()}) {
            issued += issue(range);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Issued %d messenger tokens through /messenger/session in %.1f s (%.0f/s)%n", issued, seconds,
                issued / seconds);
    }

    private int issue(FormPools.Range range) throws IOException, InterruptedException, ExecutionException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(workDir.resolve(range.name() + ".visitors.tsv"))) {
            rows.add(line.split("\t"));
        }
        List<Future<String>> tokens = new ArrayList<>(rows.size());
        try (ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY)) {
            for (String[] row : rows) {
                tokens.add(pool.submit(() -> token(row[1])));
            }
            try (BufferedWriter file = Files.newBufferedWriter(workDir.resolve(range.name() + ".tsv"))) {
                for (int i = 0; i < rows.size(); i++) {
                    file.write(rows.get(i)[0] + "\t" + tokens.get(i).get() + "\t" + rows.get(i)[2] + "\n");
                }
            }
        }
        return rows.size();
    }

    private String token(String visitorId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(sessionUri)
                .header("Origin", origin)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString("{\"visitor_id\":\"" + visitorId + "\",\"locale\":\"en\"}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher token = TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("POST /messenger/session for visitor " + visitorId + " returned "
                    + response.statusCode() + ": " + response.body());
        }
        return token.group(1);
    }
}
