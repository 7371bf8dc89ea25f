package org.optline.platform;

import java.util.List;

/**
 * Lists the records that a module's public API accepts or returns as JSON, so that the app can
 * describe them in its OpenAPI document with the names and types that JSON-B writes.
 *
 * <p>Each module with API endpoints provides one implementation as a {@link java.util.ServiceLoader}
 * service: in {@code module-info.java} for the compiler and in {@code META-INF/services} for Payara,
 * which runs the module jars on the class path. A record's class-level MicroProfile OpenAPI
 * {@code @Schema(name = ...)} names its schema, which the endpoints' annotations refer to by that name.
 */
public interface ApiSchemas {

    /** Returns the top-level records; the records that their components use are described with them. */
    List<Class<? extends Record>> records();
}
