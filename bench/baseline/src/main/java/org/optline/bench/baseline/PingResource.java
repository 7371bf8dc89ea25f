package org.optline.bench.baseline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The trivial JSON endpoint: what Payara Micro, JAX-RS and JSON-B cost without any application work. */
@Path("ping")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class PingResource {

    /** The response body, serialized by JSON-B as Optline's responses are. */
    public record Pong(String type, String status) {
    }

    private static final Pong PONG = new Pong("ping", "ok");

    @GET
    public Pong ping() {
        return PONG;
    }
}
