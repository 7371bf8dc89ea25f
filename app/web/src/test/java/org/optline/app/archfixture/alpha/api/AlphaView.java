package org.optline.app.archfixture.alpha.api;

/** Part of alpha's API, which other modules and the app may use. */
public record AlphaView(long id, String name) {
}
