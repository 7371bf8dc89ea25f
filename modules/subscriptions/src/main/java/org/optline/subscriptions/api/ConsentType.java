package org.optline.subscriptions.api;

import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;

import java.util.Locale;

/** Whether contacts must join a subscription type before they are messaged. Fixed at creation. */
public enum ConsentType {
    /** A contact is messaged only after an explicit opt-in. Marketing belongs here. */
    OPT_IN("opt_in", "Opt-in"),
    /** A contact is messaged until an explicit opt-out. */
    OPT_OUT("opt_out", "Opt-out");

    private final String apiName;
    private final String label;

    ConsentType(String apiName, String label) {
        this.apiName = apiName;
        this.label = label;
    }

    /** Returns the name in Intercom's {@code consent_type} field. */
    public String apiName() {
        return apiName;
    }

    public String label() {
        return label;
    }

    /** Parses {@code opt_in} or {@code opt_out}, also with a hyphen and in any case. */
    public static ConsentType parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new MissingInputException(field, field + " is missing. Use opt_in or opt_out.");
        }
        String normalized = value.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (normalized) {
            case "opt_in" -> OPT_IN;
            case "opt_out" -> OPT_OUT;
            default -> throw new InvalidInputException(field, field + " '" + value.strip()
                    + "' is unknown. Use opt_in or opt_out.");
        };
    }
}
