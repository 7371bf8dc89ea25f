package org.optline.contacts.control;

import org.optline.platform.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Encodes where a page of contacts ends, for Intercom's {@code starting_after}. The cursor is opaque
 * to clients; inside it is the last contact id of the previous page.
 */
public final class Cursors {

    private static final String PREFIX = "after:";

    private Cursors() {
    }

    public static String after(long lastId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastId).getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the id a cursor points after, or 0 for a null or empty cursor. */
    public static long lastId(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                return Long.parseLong(decoded.substring(PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // Falls through to the error below; NumberFormatException is an IllegalArgumentException.
        }
        throw new InvalidInputException("starting_after", "starting_after '" + cursor
                + "' is not a cursor of this API. Pass the value of pages.next.starting_after from the previous page.");
    }
}
