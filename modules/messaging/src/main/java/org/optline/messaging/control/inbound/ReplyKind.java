package org.optline.messaging.control.inbound;

import java.util.Optional;
import java.util.Set;

/** The texts Optline sends in answer to keywords or to ask for a YES, as stored in {@code sms_reply_text.kind}. */
public enum ReplyKind {
    OPT_OUT("Opt-out confirmation", Set.of("business", "support", "frequency")),
    OPT_IN("Opt-in confirmation", Set.of("business", "support", "frequency")),
    HELP("Help answer", Set.of("business", "support", "frequency")),
    DOUBLE_OPT_IN("Double opt-in request", Set.of("business", "support", "frequency", "subscription"));

    private final String label;
    private final Set<String> placeholders;

    ReplyKind(String label, Set<String> placeholders) {
        this.label = label;
        this.placeholders = placeholders;
    }

    public String label() {
        return label;
    }

    /** Returns the placeholder names, without braces, that a text of this kind may contain. */
    public Set<String> placeholders() {
        return placeholders;
    }

    public static Optional<ReplyKind> parse(String value) {
        for (ReplyKind kind : values()) {
            if (kind.name().equals(value)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
