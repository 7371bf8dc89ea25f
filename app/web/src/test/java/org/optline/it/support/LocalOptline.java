package org.optline.it.support;

import java.net.URI;
import java.net.URL;

/**
 * The address of the Optline under test. Arquillian's Payara container reports the deployment on the
 * machine's network address; tests must reach the app on 127.0.0.1 only, so only the port is kept.
 */
public final class LocalOptline {

    public static final String LOOPBACK = "127.0.0.1";

    private LocalOptline() {
    }

    /** Returns {@code http://127.0.0.1:<port>/} for the port Arquillian deployed to. */
    public static URI base(URL deployment) {
        if (deployment == null || deployment.getPort() < 1) {
            throw new IllegalStateException("Arquillian gave no deployment URL with a port: " + deployment);
        }
        URI base = URI.create("http://" + LOOPBACK + ":" + deployment.getPort() + "/");
        requireLoopback(base);
        return base;
    }

    /** Fails when {@code uri} points anywhere but 127.0.0.1. */
    public static void requireLoopback(URI uri) {
        if (!LOOPBACK.equals(uri.getHost())) {
            throw new IllegalStateException(uri + " is not on " + LOOPBACK + "; tests reach only a local Optline.");
        }
    }
}
