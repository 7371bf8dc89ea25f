package org.optline.messaging.control.inbound;

import java.util.Locale;
import java.util.Optional;

/** The kinds of keyword lists, as stored in {@code sms_keyword.kind}. */
public enum KeywordKind {
    OPT_OUT("Opt-out"),
    OPT_IN("Opt-in"),
    HELP("Help");

    private final String label;

    KeywordKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Returns the kind named {@code value} (case ignored), or empty for anything else. */
    public static Optional<KeywordKind> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (KeywordKind kind : values()) {
            if (kind.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
