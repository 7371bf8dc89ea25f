package org.optline.launcher;

import fish.payara.micro.PayaraMicro;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TimeZone;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts Optline in one process: an embedded MariaDB when {@code OPTLINE_DB_URL} is not set, then
 * Payara Micro with the WAR at the root context. SIGTERM stops both.
 */
public final class Launcher {

    private static final Logger LOG = Logger.getLogger(Launcher.class.getName());

    private static final String LOOPBACK = "127.0.0.1";

    /** The first port that Payara Micro's data grid tries. When it is in use, the grid takes the next free one. */
    static final int DATA_GRID_PORT = 6900;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        Settings settings;
        try {
            settings = Settings.from(System.getenv(), home);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (!Files.isRegularFile(settings.war())) {
            System.err.println("The application " + settings.war() + " is missing. Build it with ./mvnw package "
                    + "or point OPTLINE_WAR at optline.war.");
            System.exit(2);
            return;
        }
        keepOffTheNetwork();
        if (settings.clusterMembers().isEmpty()) {
            // Without it, Hazelcast listens on every interface even with --interfaces set.
            System.setProperty("hazelcast.socket.bind.any", "false");
        }
        if (isBlank(System.getenv("OPTLINE_PUBLIC_URL"))) {
            // Links in texts and the preference center must point at the port Optline serves on.
            System.setProperty("optline.public.url", "http://localhost:" + settings.httpPort());
        }
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        System.setProperty("user.timezone", "UTC");

        if (settings.databaseUrl().isEmpty()) {
            Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
            if (settings.dataDirectory().startsWith(temporary)) {
                System.err.println("The data folder " + settings.dataDirectory() + " lies under the temporary folder "
                        + temporary + ". The embedded MariaDB treats a data folder there as temporary and deletes it. "
                        + "Set OPTLINE_DATA_DIR to a folder outside " + temporary + ", such as "
                        + System.getProperty("user.home") + "/optline-data.");
                System.exit(2);
                return;
            }
            EmbeddedDatabase database = EmbeddedDatabase.start(settings.dataDirectory());
            System.setProperty("optline.db.url", database.jdbcUrl());
            System.setProperty("optline.db.user", EmbeddedDatabase.USER);
            System.setProperty("optline.db.password", EmbeddedDatabase.PASSWORD);
            Runtime.getRuntime().addShutdownHook(new Thread(database::stop, "optline-embedded-db-stop"));
        } else {
            if (isBlank(System.getenv("OPTLINE_DB_USER"))) {
                System.err.println("OPTLINE_DB_URL is set but OPTLINE_DB_USER is not. Set the database user too.");
                System.exit(2);
                return;
            }
            if (System.getenv("OPTLINE_DB_PASSWORD") == null) {
                System.setProperty("optline.db.password", "");
            }
            LOG.info("Using the database at OPTLINE_DB_URL");
        }
        // Printed, not logged: the JDK resets java.util.logging when the JVM begins to shut down.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println("Optline stopping"), "optline-stop"));
        PayaraMicro.main(payaraArguments(settings).toArray(String[]::new));
        System.err.println("Optline is ready: open http://localhost:" + settings.httpPort() + "/ and sign in.");
    }

    /**
     * Turns off what would reach outside hosts: Payara's usage report and Hazelcast's phone-home and
     * cloud auto-detection, which probes a cloud metadata address at every start.
     */
    static void keepOffTheNetwork() {
        System.setProperty("hazelcast.phone.home.enabled", "false");
        System.setProperty("hz.network.join.auto-detection.enabled", "false");
    }

    static List<String> payaraArguments(Settings settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--deploy", settings.war().toString(),
                "--contextroot", "/",
                "--port", String.valueOf(settings.httpPort()),
                "--disablephonehome"));
        if (settings.clusterMembers().isPresent()) {
            // NOTE: the members' grid listens on every interface under Payara's default cluster name, with no
            // password, so only a firewall or a private network keeps other hosts out of it.
            arguments.addAll(List.of("--clustermode", "tcpip:" + settings.clusterMembers().get()));
        } else {
            arguments.addAll(singleInstanceDataGrid(newClusterName()));
        }
        return arguments;
    }

    /**
     * Returns the data grid arguments of a single instance. Payara Micro 7.2026.11 starts its Hazelcast
     * data grid even with {@code --nocluster}, and then listens on every network interface, where any
     * Hazelcast client that sends the default cluster name can read and change the grid. A cluster of one
     * on the loopback interface, with a random cluster name, is reachable from this machine only and
     * joins no other instance on it. Hazelcast binds to that interface alone only with
     * {@code hazelcast.socket.bind.any=false}, which {@code main} sets.
     */
    static List<String> singleInstanceDataGrid(String clusterName) {
        return List.of("--clustermode", "tcpip:" + LOOPBACK + ":" + DATA_GRID_PORT, "--interfaces", LOOPBACK,
                "--clustername", clusterName);
    }

    /** Returns a random cluster name of 64 bits, such as {@code optline-3f9c0a6b1d2e4f58}. */
    static String newClusterName() {
        return "optline-" + HexFormat.of().toHexDigits(RANDOM.nextLong());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    static {
        Logger.getLogger("ch.vorburger").setLevel(Level.WARNING);
    }
}
