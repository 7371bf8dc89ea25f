package org.optline.subscriptions.api;

import org.optline.platform.Texts;

/**
 * The name and description customers read for a subscription type, in one locale.
 *
 * @param locale      the locale of both texts
 * @param name        the name, 1 to {@value #MAX_NAME} characters
 * @param description the description, up to {@value #MAX_DESCRIPTION} characters, may be empty
 */
public record Translation(LocaleCode locale, String name, String description) {

    public static final int MAX_NAME = 100;
    public static final int MAX_DESCRIPTION = 500;

    /**
     * Checks and trims texts typed by a user. Fields are named {@code prefix.name} and
     * {@code prefix.description} in messages, so that the user can find them.
     */
    public static Translation of(String prefix, LocaleCode locale, String name, String description) {
        return new Translation(locale,
                Texts.required(prefix + ".name", name, MAX_NAME),
                Texts.optional(prefix + ".description", description, MAX_DESCRIPTION));
    }

    /**
     * Checks and trims texts typed into a page form, naming the fields by their labels, such as
     * {@code Name (fr)}, so that the admin reads the words of the form.
     */
    public static Translation labelled(String nameLabel, String descriptionLabel, LocaleCode locale, String name,
                                       String description) {
        return new Translation(locale,
                Texts.required(nameLabel, name, MAX_NAME),
                Texts.optional(descriptionLabel, description, MAX_DESCRIPTION));
    }
}
