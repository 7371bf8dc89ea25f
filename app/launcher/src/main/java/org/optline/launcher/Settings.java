package org.optline.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the launcher reads from the environment. Every value has a default, so that a plain
 * {@code java -jar optline.jar} starts Optline with an embedded database on port 8080.
 *
 * @param httpPort        {@code OPTLINE_HTTP_PORT}, the port Optline serves on
 * @param databaseUrl     {@code OPTLINE_DB_URL}; empty means: start the embedded MariaDB
 * @param dataDirectory   {@code OPTLINE_DATA_DIR}, where the embedded MariaDB keeps its files
 * @param clusterMembers  {@code OPTLINE_CLUSTER_MEMBERS}, host:port of the instances whose Hazelcast
 *                        grid shares sessions; empty means a single instance
 * @param war             {@code OPTLINE_WAR}, the application to deploy; by default optline.war beside the jar
 */
record Settings(int httpPort, Optional<String> databaseUrl, Path dataDirectory, Optional<String> clusterMembers,
                Path war) {

    static final int DEFAULT_HTTP_PORT = 8080;

    static Settings from(Map<String, String> environment, Path launcherDirectory) {
        return new Settings(
                port(environment.get("OPTLINE_HTTP_PORT")),
                present(environment.get("OPTLINE_DB_URL")),
                present(environment.get("OPTLINE_DATA_DIR")).map(Path::of).orElse(Path.of("data")).toAbsolutePath(),
                present(environment.get("OPTLINE_CLUSTER_MEMBERS")),
                present(environment.get("OPTLINE_WAR")).map(Path::of).orElse(launcherDirectory.resolve("optline.war")));
    }

    private static int port(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_HTTP_PORT;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("OPTLINE_HTTP_PORT '" + value + "' is not a port number. Use 1 to 65535, such as 8080.");
        }
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
