package org.optline.app.archfixture.platform;

/** A shared-kernel class that modules and the app may use. */
public final class Kernel {

    private Kernel() {
    }

    public static String trimmed(String value) {
        return value.strip();
    }
}
