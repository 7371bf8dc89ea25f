package org.optline.app.archfixture.app;

import org.optline.app.archfixture.alpha.control.AlphaChecks;

/** Breaks the app rule by calling alpha's control package, which is no part of alpha's API. */
public final class AppShortcut {

    private AppShortcut() {
    }

    public static void check(String name) {
        AlphaChecks.requireName(name);
    }
}
