package org.optline.subscriptions.api;

/**
 * The exact text a customer saw when they consented: stored once per distinct content, so that later
 * edits of a form never rewrite what an old record says was shown.
 *
 * @param locale    the locale of the texts, or null
 * @param title     the heading or question, or null
 * @param button    the button label, or null
 * @param legalText the legal text, as sanitized HTML, or null
 */
public record ShownText(String locale, String title, String button, String legalText) {
}
