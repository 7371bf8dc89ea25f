package org.optline.app.archfixture.beta.control;

import org.optline.app.archfixture.alpha.entity.AlphaRecord;

/** Breaks the module rule by using alpha's entity, which is no part of alpha's API. */
public class BetaShortcut {

    public String name(AlphaRecord record) {
        return record.view().name();
    }
}
