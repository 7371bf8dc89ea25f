package org.optline.platform;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON Processing provider, looked up once. Each static method of {@link jakarta.json.Json} looks
 * the provider up again, and in Payara that lookup searches the class loaders' jar files for a service
 * entry: in a profile of the opt-in form benchmark it took about 14% of the app's CPU time. Providers
 * are thread-safe, so one instance serves every request.
 */
public final class Jsons {

    /** The provider to call where {@code Json.createObjectBuilder()}, {@code Json.createReader(...)} and the like would go. */
    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsons() {
    }
}
