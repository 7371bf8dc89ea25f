package org.optline.launcher;

import fish.payara.micro.PayaraMicro;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
            arguments.addAll(List.of("--clustermode", "tcpip:" + settings.clusterMembers().get()));
        } else {
            arguments.add("--nocluster");
        }
        return arguments;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    static {
        Logger.getLogger("ch.vorburger").setLevel(Level.WARNING);
    }
}
