package org.optline.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a scenario of the official intercom-client npm package (src/test/node/run.mjs) against a local
 * Optline and returns what it printed: {@code {"ok":true,"result":...}} or {@code {"ok":false,...}}.
 */
public final class IntercomSdk {

    private static final long TIMEOUT_SECONDS = 60;

    private IntercomSdk() {
    }

    public static JsonObject run(URI base, String token, String scenario, String... arguments) {
        LocalOptline.requireLoopback(base);
        Path directory = Path.of(System.getProperty("optline.node.dir", "src/test/node"));
        if (!Files.isDirectory(directory.resolve("node_modules/intercom-client"))) {
            throw new IllegalStateException("intercom-client is not installed in " + directory
                    + ". Run bin/test, or npm ci --prefix " + directory + ".");
        }
        List<String> command = new java.util.ArrayList<>(List.of("node", "run.mjs", scenario));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().put("OPTLINE_BASE_URL", base.resolve("api").toString());
        builder.environment().put("OPTLINE_TOKEN", token);
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("node run.mjs " + scenario + " timed out after " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("node run.mjs " + scenario + " failed with exit code "
                        + process.exitValue() + ": " + output);
            }
            try (JsonReader reader = Json.createReader(new StringReader(output.strip()))) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run node; install Node.js (bin/test does it as root)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while node ran " + scenario, e);
        }
    }
}
