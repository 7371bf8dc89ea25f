package org.optline.subscriptions.boundary;

import java.util.List;

/**
 * The admin bar above the preference center preview.
 *
 * @param locale  the locale being previewed
 * @param locales the locales an admin can choose: those with customer texts or type translations
 */
public record PreviewModel(String locale, List<Choice> locales) {

    /** One locale in the chooser. */
    public record Choice(String code, String label) {
    }
}
