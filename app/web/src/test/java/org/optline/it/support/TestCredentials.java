package org.optline.it.support;

/**
 * The bootstrap admin and API token that bin/test passes to the app under test through the
 * environment, so tests sign in with the same values the app created at its first start.
 */
public final class TestCredentials {

    private TestCredentials() {
    }

    public static String adminEmail() {
        return required("OPTLINE_BOOTSTRAP_ADMIN_EMAIL");
    }

    public static String adminPassword() {
        return required("OPTLINE_BOOTSTRAP_ADMIN_PASSWORD");
    }

    public static String apiToken() {
        return required("OPTLINE_BOOTSTRAP_API_TOKEN");
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set. Run the integration tests with bin/test, "
                    + "which sets it for the app and the tests alike.");
        }
        return value;
    }
}
