package org.optline.platform;

/**
 * The CDI event that the app fires once at start-up, after the database migrations have been applied.
 * Background work that reads or writes the database starts on it, not on the application scope's
 * {@code @Initialized} event, whose observers in module jars may run before the migrations.
 */
public record StartupCompleted() {
}
