package org.optline.contacts.control;

import org.optline.platform.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Encodes where a page of contacts ends, for Intercom's {@code starting_after}. The cursor is opaque
 * to clients. It contains the last contact id of the previous page and the number of the page that
 * starts after it, so that a response reports its page number without counting the rows before it.
 */
public final class Cursors {

    private static final String PREFIX = "after:";

    private Cursors() {
    }

    /** Returns the cursor of the page that follows a page ending at {@code lastId}, which is page {@code nextPage}. */
    public static String after(long lastId, int nextPage) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastId + ":" + nextPage).getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the id a cursor points after, or 0 for a null or empty cursor. */
    public static long lastId(String cursor) {
        return lastId("starting_after", cursor);
    }

    /**
     * Returns the id a cursor points after, or 0 for a null or empty cursor.
     *
     * @param field the name of the cursor in the request, for the error message
     */
    public static long lastId(String field, String cursor) {
        return decode(field, cursor)[0];
    }

    /** Returns the 1-based number of the page a cursor starts, or 1 for a null or empty cursor. */
    public static int page(String cursor) {
        return (int) decode("starting_after", cursor)[1];
    }

    private static long[] decode(String field, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return new long[] {0, 1};
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                String[] parts = decoded.substring(PREFIX.length()).split(":", -1);
                long lastId = Long.parseLong(parts[0]);
                int page = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
                if (parts.length <= 2 && lastId >= 0 && page >= 1) {
                    return new long[] {lastId, page};
                }
            }
        } catch (IllegalArgumentException e) {
            // Falls through to the error below; NumberFormatException is an IllegalArgumentException.
        }
        throw new InvalidInputException(field, field + " '" + cursor
                + "' is not a cursor of this API. Pass the value of pages.next.starting_after from the previous page.");
    }
}
