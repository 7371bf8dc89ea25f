package org.optline.app.archfixture.beta.boundary;

import org.optline.app.archfixture.alpha.api.AlphaView;
import org.optline.app.archfixture.platform.Kernel;

/** Uses alpha only through its API and the platform, so it breaks no rule. */
public class BetaResource {

    public String label(AlphaView alpha) {
        return Kernel.trimmed(alpha.name());
    }
}
