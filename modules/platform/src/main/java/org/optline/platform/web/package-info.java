/**
 * How modules hand HTML to the app.
 *
 * <p>A module's JAX-RS method returns a {@link org.optline.platform.web.Page} for a whole page or a
 * {@link gg.jte.Content} for a fragment. The app writes a page inside the shared layout, or only its
 * body when htmx asked for it (the {@code HX-Request} header), so one template serves both.
 */
package org.optline.platform.web;
