package org.optline.helpdesk.control.messenger;

import org.optline.platform.InvalidInputException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The origins that may embed the messenger. An origin is a scheme, a host and an optional port from 1
 * to 65535, as
 * browsers send it in the {@code Origin} header. Only {@code https} is accepted, except
 * {@code http://localhost} and {@code http://127.0.0.1} on any port for development.
 */
public final class AllowedOrigins {

    public static final String FIELD = "allowed_origins";

    /** The most origins one workspace lists; the frame's content security policy repeats them all. */
    public static final int MAX_ORIGINS = 50;

    private AllowedOrigins() {
    }

    /**
     * Parses origins separated by line breaks, commas or spaces into their normalized form (lower-case,
     * default port dropped), without duplicates. One slash after the host, as an address copied from the
     * browser's address bar ends, is dropped; any longer path is refused.
     *
     * @throws InvalidInputException naming the first invalid origin and how to write it
     */
    public static List<String> parse(String text) {
        Set<String> origins = new LinkedHashSet<>();
        for (String entry : (text == null ? "" : text).split("[\\s,]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            String origin = entry.endsWith("/") && !entry.endsWith("//") ? entry.substring(0, entry.length() - 1) : entry;
            origins.add(normalize(origin).orElseThrow(() -> new InvalidInputException(FIELD, "'" + entry
                    + "' is not an allowed origin. Write the scheme and host with an optional port from 1 to 65535 "
                    + "and no path, such as https://shop.example or https://shop.example:8443; plain http is "
                    + "accepted only for localhost and 127.0.0.1.")));
        }
        if (origins.size() > MAX_ORIGINS) {
            throw new InvalidInputException(FIELD, origins.size() + " origins were given, but at most " + MAX_ORIGINS
                    + " are accepted. Remove the ones no longer in use.");
        }
        return List.copyOf(origins);
    }

    /**
     * Returns {@code origin} in normalized form when it is a valid origin for the allow-list, or empty.
     * The {@code Origin} header of a request is compared after this normalization too.
     */
    public static Optional<String> normalize(String origin) {
        if (origin == null || origin.length() > 255 || origin.endsWith("/") || origin.contains("|")) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null
                || !uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean local = host.equals("localhost") || host.equals("127.0.0.1");
        if (!scheme.equals("https") && !(scheme.equals("http") && local)) {
            return Optional.empty();
        }
        int port = uri.getPort();
        if (port == 0 || port > 65535) {
            return Optional.empty();
        }
        boolean defaultPort = port < 0 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return Optional.of(scheme + "://" + host + (defaultPort ? "" : ":" + port));
    }
}
