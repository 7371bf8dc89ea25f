package org.optline.messaging.control.inbound;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The texts Optline sends in answer to keywords or to ask for a YES, as stored in {@code sms_reply_text.kind}. */
public enum ReplyKind {
    OPT_OUT("Opt-out confirmation", Set.of("business", "support", "frequency"), List.of("business"),
            "the opt-out confirmation must name the business"),
    OPT_IN("Opt-in confirmation", Set.of("business", "support", "frequency"), List.of("business", "frequency"),
            "the opt-in confirmation must name the program and how often it texts"),
    CONFIRMED("Double opt-in confirmed", Set.of("business", "support", "frequency"), List.of("business", "frequency"),
            "the confirmation must name the program and how often it texts"),
    HELP("Help answer", Set.of("business", "support", "frequency"), List.of("business", "support"),
            "the help answer must name the business and a support contact"),
    DOUBLE_OPT_IN("Double opt-in request", Set.of("business", "support", "frequency", "subscription"),
            List.of("business", "subscription"), "the request must name the business and the subscription to confirm");

    private final String label;
    private final Set<String> placeholders;
    private final List<String> required;
    private final String requiredBecause;

    ReplyKind(String label, Set<String> placeholders, List<String> required, String requiredBecause) {
        this.label = label;
        this.placeholders = placeholders;
        this.required = required;
        this.requiredBecause = requiredBecause;
    }

    public String label() {
        return label;
    }

    /** Returns the placeholder names, without braces, that a text of this kind may contain. */
    public Set<String> placeholders() {
        return placeholders;
    }

    /** Returns the placeholder names, without braces, that every text of this kind must contain. */
    public List<String> required() {
        return required;
    }

    /** Returns the rule for SMS programs that the required placeholders meet, as a clause for error messages. */
    public String requiredBecause() {
        return requiredBecause;
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
