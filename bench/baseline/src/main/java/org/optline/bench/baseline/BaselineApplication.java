package org.optline.bench.baseline;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The baseline's JAX-RS application, mounted at the root of its context ({@code /baseline}). */
@ApplicationPath("/")
public class BaselineApplication extends Application {
}
