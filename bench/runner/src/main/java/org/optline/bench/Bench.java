package org.optline.bench;

import org.optline.bench.audience.AudienceBench;
import org.optline.bench.bulk.BareBulkUnsubscribe;
import org.optline.bench.bulk.BulkCheck;
import org.optline.bench.bulk.BulkResult;
import org.optline.bench.bulk.OptlineBulkUnsubscribe;
import org.optline.bench.bulk.Segment;
import org.optline.bench.data.Generator;
import org.optline.bench.forms.FormCheck;
import org.optline.bench.forms.FormPools;
import org.optline.bench.forms.FormSetup;
import org.optline.bench.forms.FormTokens;
import org.optline.bench.send.SendBench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.TimeZone;

/**
 * The command line of the benchmark runner, which bench/run calls. Every command prints its figures as
 * {@code RESULT name=value} lines for the script to read.
 *
 * <pre>
 * generate      --url=JDBC --user=U --password=P --contacts=N --work-dir=DIR
 * bulk-baseline --url=JDBC --user=U --password=P --contacts=N --bulk=N
 * bulk-optline  --url=JDBC --user=U --password=P --contacts=N --bulk=N --base-url=http://127.0.0.1:PORT --token=T
 * forms-setup   --url=JDBC --user=U --password=P --warmup-forms=N --measured-forms=N --origin=ORIGIN --work-dir=DIR
 * forms-tokens  --url=JDBC --user=U --password=P --base-url=http://127.0.0.1:PORT --origin=ORIGIN --work-dir=DIR
 * forms-check   --url=JDBC --user=U --password=P --work-dir=DIR --connections=N --baseline-actor=A
 *               --optline-warmup-requests=N --optline-measured-requests=N
 *               --baseline-warmup-requests=N --baseline-measured-requests=N
 * audience      --url=JDBC --user=U --password=P --contacts=N --base-url=http://127.0.0.1:PORT
 *               --admin-email=E --admin-password=P --warmups=N --repeats=N
 * send          --url=JDBC --user=U --password=P --base-url=http://127.0.0.1:PORT --admin-email=E --admin-password=P
 * </pre>
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        // Optline runs in UTC, and the hash of an event covers its time as stored: generate in UTC too.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        if (args.length == 0) {
            usage("No command given.");
            return;
        }
        Options options = Options.parse(args);
        switch (args[0]) {
            case "generate" -> {
                Generator.migrate(options.text("url"), options.text("user"), options.text("password"));
                try (Connection connection = connect(options, true)) {
                    new Generator(connection, options.integer("contacts"), options.path("work-dir")).run();
                }
            }
            case "bulk-baseline" -> {
                try (Connection connection = connect(options, false)) {
                    Segment segment = Segment.forBaseline(connection, options.integer("contacts"), options.integer("bulk"));
                    BulkResult result = new BareBulkUnsubscribe(connection).run(segment);
                    result.print("bulk_baseline");
                    new BulkCheck(connection).verify(segment, result, BareBulkUnsubscribe.ACTOR_ID);
                }
            }
            case "bulk-optline" -> {
                try (Connection connection = connect(options, false)) {
                    Segment segment = Segment.forOptline(connection, options.integer("contacts"), options.integer("bulk"));
                    BulkResult result = new OptlineBulkUnsubscribe(options.text("base-url"), options.text("token"))
                            .run(segment).orElseThrow();
                    result.print("bulk_optline");
                    check(connection, segment, result);
                }
            }
            case "forms-setup" -> {
                try (Connection connection = connect(options, false)) {
                    new FormSetup(connection, options.path("work-dir")).run(options.integer("warmup-forms"),
                            options.integer("measured-forms"), options.text("origin"));
                }
            }
            case "forms-tokens" -> new FormTokens(options.text("base-url"), options.text("origin"),
                    options.path("work-dir")).run();
            case "forms-check" -> {
                try (Connection connection = connect(options, false)) {
                    FormCheck check = new FormCheck(connection, options.path("work-dir"), options.integer("connections"));
                    FormPools pools = FormPools.load(options.path("work-dir"));
                    check.verifyOptline(pools, pools.optlineWarmup(), options.integer("optline-warmup-requests"));
                    check.verifyOptline(pools, pools.optlineMeasured(), options.integer("optline-measured-requests"));
                    check.verifyBaseline(pools.baselineWarmup(), options.text("baseline-actor"),
                            options.integer("baseline-warmup-requests"));
                    check.verifyBaseline(pools.baselineMeasured(), options.text("baseline-actor"),
                            options.integer("baseline-measured-requests"));
                }
            }
            case "audience" -> {
                try (Connection connection = connect(options, false)) {
                    new AudienceBench(connection, options.integer("warmups"),
                            options.integer("repeats")).run(options.text("base-url"), options.text("admin-email"),
                            options.text("admin-password"));
                }
            }
            case "send" -> {
                try (Connection connection = connect(options, false)) {
                    new SendBench(connection).run(options.text("base-url"), options.text("admin-email"),
                            options.text("admin-password"));
                }
            }
            default -> usage("Unknown command '" + args[0] + "'.");
        }
    }

    private static void check(Connection connection, Segment segment, BulkResult result) {
        try {
            new BulkCheck(connection).verify(segment, result, null);
        } catch (SQLException e) {
            throw new IllegalStateException("Checking the bulk job's events failed: " + e.getMessage(), e);
        }
    }

    private static Connection connect(Options options, boolean localInfile) throws SQLException {
        String url = options.text("url") + (localInfile ? (options.text("url").contains("?") ? "&" : "?") + "allowLocalInfile=true" : "");
        return DriverManager.getConnection(url, options.text("user"), options.text("password"));
    }

    private static void usage(String problem) {
        System.err.println(problem + " Commands: generate, bulk-baseline, bulk-optline, forms-setup, forms-tokens, forms-check, audience, send; see bench/run for their options.");
        System.exit(2);
    }
}
