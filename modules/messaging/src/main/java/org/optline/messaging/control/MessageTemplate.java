package org.optline.messaging.control;

import org.optline.platform.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message body with placeholders for contact attributes, written as Intercom writes them:
 * {@code {{first_name}}}, or with a text for contacts that lack the attribute,
 * {@code {{first_name | fallback: "there"}}}. Known attributes are {@link #ATTRIBUTES} and
 * {@code custom.<name>} for a custom attribute.
 */
public final class MessageTemplate {

    /** The contact attributes a placeholder may name, besides {@code custom.<name>}. */
    public static final List<String> ATTRIBUTES = List.of("name", "first_name", "last_name", "email", "external_id");

    private static final Pattern ANY = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\s*([a-z_]+|custom\\.[A-Za-z0-9_\\-]+)\\s*(?:\\|\\s*fallback:\\s*\"([^\"]*)\"\\s*)?");

    private final List<Object> parts;

    private MessageTemplate(List<Object> parts) {
        this.parts = parts;
    }

    /** A placeholder of the body: the attribute it names and its fallback text, or null. */
    record Placeholder(String attribute, String fallback) {
    }

    /**
     * Parses a body.
     *
     * @throws InvalidInputException naming every placeholder that is not a known attribute or not well formed
     */
    public static MessageTemplate parse(String body) {
        List<Object> parts = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        Matcher matcher = ANY.matcher(body);
        int end = 0;
        while (matcher.find()) {
            parts.add(body.substring(end, matcher.start()));
            Matcher placeholder = PLACEHOLDER.matcher(matcher.group(1));
            if (placeholder.matches() && known(placeholder.group(1))) {
                parts.add(new Placeholder(placeholder.group(1), placeholder.group(2)));
            } else {
                unknown.add(matcher.group());
            }
            end = matcher.end();
        }
        parts.add(body.substring(end));
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("body", "Unknown placeholder" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + ". Use " + String.join(", ", ATTRIBUTES.stream()
                    .map(name -> "{{" + name + "}}").toList()) + " or {{custom.<attribute>}}, optionally with a "
                    + "fallback such as {{first_name | fallback: \"there\"}}.");
        }
        return new MessageTemplate(parts);
    }

    private static boolean known(String attribute) {
        return ATTRIBUTES.contains(attribute) || attribute.startsWith("custom.");
    }

    /**
     * Fills in the placeholders. An attribute that {@code values} does not have, or has blank, becomes
     * the placeholder's fallback, or nothing without one.
     */
    public String render(Function<String, Optional<String>> values) {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Placeholder placeholder) {
                String value = values.apply(placeholder.attribute()).filter(v -> !v.isBlank())
                        .orElse(placeholder.fallback() == null ? "" : placeholder.fallback());
                text.append(value);
            } else {
                text.append((String) part);
            }
        }
        return text.toString();
    }
}
