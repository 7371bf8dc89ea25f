/**
 * Exceptions for broken business rules, shared by every module.
 *
 * <p>Each module throws a subclass named after its rule, with a message that names the value and
 * the fix. The app maps the four kinds here to HTTP in one place: an Intercom-style
 * {@code error.list} body for the public API, an alert fragment for htmx pages. Business code
 * therefore never throws JAX-RS exceptions.
 *
 * <p>{@link org.optline.platform.SmsCounter} lives here too, because both the compose page of outbound
 * SMS and the helpdesk's reply box show how many SMS parts a text takes.
 */
package org.optline.platform;
