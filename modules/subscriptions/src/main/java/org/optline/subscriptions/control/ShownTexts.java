package org.optline.subscriptions.control;

import org.optline.subscriptions.api.ShownText;

/** Identifies a shown text by its content, so that equal texts are stored once and hash the same. */
public final class ShownTexts {

    private ShownTexts() {
    }

    public static String sha256(ShownText shown) {
        return ConsentHashes.sha256("optline-shown-text-v1\n" + field(shown.locale()) + "\n" + field(shown.title()) + "\n"
                + field(shown.button()) + "\n" + field(shown.legalText()));
    }

    private static String field(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}
