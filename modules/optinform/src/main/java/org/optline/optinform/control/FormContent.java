package org.optline.optinform.control;

import org.optline.platform.Texts;
import org.optline.platform.web.LegalText;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The texts of an opt-in form as the customer reads them: the title and button as plain text, which
 * templates escape, and the legal text as sanitized HTML.
 *
 * @param button    the button text, empty for the default text, which customers read in their own language
 * @param legalHtml sanitized HTML, empty when the form has no legal text
 */
public record FormContent(String title, String button, String legalHtml) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BUTTON = 60;
    /** The longest legal text accepted as typed, before sanitizing. */
    public static final int MAX_LEGAL_TEXT = 4000;

    /**
     * Checks the texts an agent typed into the composer and sanitizes the legal text.
     *
     * @throws org.optline.platform.MissingInputException when the title is blank
     * @throws org.optline.platform.InvalidInputException when a text is too long or has control characters
     */
    public static FormContent typed(String title, String button, String legalText) {
        String checkedTitle = Texts.required("Form title", title, MAX_TITLE);
        String checkedButton = Texts.optional("Button text", button, MAX_BUTTON);
        String checkedLegal = Texts.optional("Legal text", legalText, MAX_LEGAL_TEXT);
        return new FormContent(checkedTitle, checkedButton, LegalText.sanitize(checkedLegal));
    }

    /** Returns the button text that the customer reads: the typed text, or {@code defaultButton} when it is empty. */
    public String shownButton(String defaultButton) {
        return button.isEmpty() ? defaultButton : button;
    }

    /**
     * Returns the SHA-256 of the three texts in hex. Each text is prefixed by its length, so that moving
     * characters from one text to the next changes the hash.
     */
    public String sha256() {
        StringBuilder canonical = new StringBuilder();
        for (String text : new String[]{title, button, legalHtml}) {
            canonical.append(text.length()).append(':').append(text).append('\n');
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
