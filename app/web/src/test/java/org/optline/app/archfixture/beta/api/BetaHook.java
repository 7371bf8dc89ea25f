package org.optline.app.archfixture.beta.api;

import org.optline.app.archfixture.alpha.api.AlphaView;
import org.optline.app.archfixture.app.AppWiring;

/** Breaks the rule that modules do not use the app. */
public class BetaHook {

    public String describe(AlphaView alpha) {
        return AppWiring.show(alpha);
    }
}
