package org.optline.app.archfixture.app;

import org.optline.app.archfixture.alpha.api.AlphaView;
import org.optline.app.archfixture.platform.Kernel;

/** Uses a module only through its API and the platform, so it breaks no rule. */
public final class AppWiring {

    private AppWiring() {
    }

    public static String show(AlphaView alpha) {
        return Kernel.trimmed(alpha.name());
    }
}
