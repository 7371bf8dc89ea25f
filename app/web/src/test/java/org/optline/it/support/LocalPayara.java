package org.optline.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Payara Micro with the packaged WAR that a test starts and kills itself, for tests that need an
 * instance to die, which Arquillian's container does not offer. It runs with the same network settings
 * as the Arquillian container (no phone home, no cluster, no cloud detection) against the database of
 * the environment, and is reached on 127.0.0.1 only. Its output goes to {@code target/<name>.log}.
 */
public final class LocalPayara implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    /** The boot command that makes Payara Micro's HTTP listener accept connections on 127.0.0.1 alone. */
    static final String LOOPBACK_LISTENER = "src/test/payara/loopback.asadmin";

    private final String name;
    private final Process process;
    private final URI base;
    private final Path rootDirectory;
    private final Path log;

    private LocalPayara(String name, Process process, URI base, Path rootDirectory, Path log) {
        this.name = name;
        this.process = process;
        this.base = base;
        this.rootDirectory = rootDirectory;
        this.log = log;
    }

    /**
     * Starts an instance on a free port and returns once {@code /health/ready} returns 200.
     *
     * @param systemProperties extra {@code -D} options, such as {@code optline.bulk.lease-seconds=10}
     */
    public static LocalPayara start(String name, List<String> systemProperties) {
        Path jar = Path.of(System.getProperty("optline.payara.jar", "target/payara/payara-micro.jar"));
        Path war = Path.of(System.getProperty("optline.war", "target/optline.war"));
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(war)) {
            throw new IllegalStateException(jar + " or " + war + " is missing. Run the tests with bin/test, which "
                    + "packages the WAR and copies Payara Micro first.");
        }
        try {
            int port = freePort();
            Path rootDirectory = Files.createTempDirectory("optline-" + name);
            Path log = Path.of("target", name + ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dhazelcast.phone.home.enabled=false", "-Dhz.network.join.auto-detection.enabled=false",
                    "-Dhazelcast.socket.bind.any=false", "-Duser.timezone=UTC", "-Xmx768m"));
            systemProperties.forEach(property -> command.add("-D" + property));
            command.addAll(List.of("-jar", jar.toString(), "--disablephonehome", "--port",
                    String.valueOf(port), "--contextroot", "/", "--rootdir", rootDirectory.toString(),
                    "--deploy", war.toString(), "--prebootcommandfile", LOOPBACK_LISTENER));
            command.addAll(dataGridOfOne());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            LocalPayara payara = new LocalPayara(name, process, URI.create("http://" + LocalOptline.LOOPBACK + ":" + port + "/"),
                    rootDirectory, log);
            try {
                payara.awaitReady();
            } catch (RuntimeException | Error e) {
                // The caller gets no instance to close, and one left running would take other tests' work
                // from the shared database, such as their SMS sends.
                payara.close();
                throw e;
            }
            return payara;
        } catch (IOException e) {
            throw new IllegalStateException("Starting Payara Micro " + name + " failed", e);
        }
    }

    /**
     * Returns the options of a data grid of this instance alone on 127.0.0.1. With {@code --nocluster},
     * Payara Micro 7.2026.11 still starts Hazelcast on port 6900 of every interface under a default
     * cluster name. A random name keeps two instances of a test, or of two test runs, out of each other's
     * grid; {@code hazelcast.socket.bind.any=false} makes Hazelcast bind to the loopback interface alone.
     */
    private static List<String> dataGridOfOne() {
        String clusterName = "optline-test-" + HexFormat.of().toHexDigits(new SecureRandom().nextLong());
        return List.of("--clustermode", "tcpip:" + LocalOptline.LOOPBACK + ":6900", "--interfaces",
                LocalOptline.LOOPBACK, "--clustername", clusterName);
    }

    public URI base() {
        return base;
    }

    /** Returns the process id of the instance's JVM, which the app uses in its lease owner names. */
    public long pid() {
        return process.pid();
    }

    /** Kills the instance at once, as a crash or {@code kill -9} would: nothing of the app runs any more. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Payara Micro " + name + " (pid " + process.pid() + ") is still alive "
                        + "30 s after being killed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing Payara Micro " + name, e);
        }
    }

    /** Returns the lines of this instance's output so far that contain {@code text}. */
    public List<String> logLines(String text) {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(text)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + log.toAbsolutePath(), e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        deleteRecursively(rootDirectory);
    }

    private void awaitReady() {
        Http http = new Http(base);
        Poll.until("Payara Micro " + name + " to be ready (log: " + log.toAbsolutePath() + ")", READY_TIMEOUT, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro " + name + " exited with " + process.exitValue()
                        + " before it was ready; see " + log.toAbsolutePath());
            }
            return readiness(http);
        }, status -> status == 200);
    }

    private static int readiness(Http http) {
        try {
            HttpResponse<String> response = http.send(http.request("/health/ready").timeout(Duration.ofSeconds(5)).GET().build());
            return response.statusCode();
        } catch (IllegalStateException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LocalOptline.LOOPBACK))) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder does no harm to later runs.
        }
    }
}
